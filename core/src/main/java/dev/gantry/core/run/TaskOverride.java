package dev.gantry.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/** RunTask's {@code overrides}: container overrides plus task-level cpu, memory and roles. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskOverride(
        List<ContainerOverride> containerOverrides,
        String cpu,
        String memory,
        String taskRoleArn,
        String executionRoleArn) {

    public List<ContainerOverride> containerOverridesOrEmpty() {
        return containerOverrides == null ? List.of() : containerOverrides;
    }

    /** The first override naming {@code containerName}. */
    public Optional<ContainerOverride> forContainer(String containerName) {
        return containerOverridesOrEmpty().stream()
                .filter(o -> o != null && containerName.equals(o.name()))
                .findFirst();
    }
}
