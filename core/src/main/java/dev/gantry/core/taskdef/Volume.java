package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A task volume ({@code volumes[]}). With no configuration, or a {@code dockerVolumeConfiguration} of scope
 * {@code task}, it is task-scoped scratch space (Fargate's bind mount on the task's ephemeral storage); with an
 * {@code efsVolumeConfiguration} it is a persistent volume. {@code host} (a host path) and {@code configuredAtLaunch}
 * are bound only so that validation can refuse them with a message that says what to change.
 * {@code dockerVolumeConfiguration} holds {@code scope}, {@code autoprovision}, {@code driver}, ... as sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Volume(
        String name,
        Map<String, Object> host,
        Map<String, Object> dockerVolumeConfiguration,
        EfsVolumeConfiguration efsVolumeConfiguration,
        Boolean configuredAtLaunch) {}
