package dev.gantry.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gantry.core.taskdef.EnvironmentFile;
import dev.gantry.core.taskdef.KeyValuePair;
import java.util.List;

/**
 * Per-container RunTask override, matched to a container by {@code name}. A given {@code command} replaces the
 * container's command; {@code environment} entries replace same-name variables and add new ones; given
 * {@code environmentFiles} replace the container's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerOverride(
        String name,
        List<String> command,
        List<KeyValuePair> environment,
        Integer cpu,
        Integer memory,
        Integer memoryReservation,
        List<EnvironmentFile> environmentFiles) {}
