package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Optional;

/** Where a container's output goes. Gantry acts on {@code awslogs}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogConfiguration(String logDriver, Map<String, String> options) {
    public Optional<String> option(String key) {
        return options == null ? Optional.empty() : Optional.ofNullable(options.get(key));
    }
}
