package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A task volume mounted into a container ({@code mountPoints[]}); {@code readOnly} defaults to false. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MountPoint(String sourceVolume, String containerPath, Boolean readOnly) {

    public boolean readOnlyOrDefault() {
        return Boolean.TRUE.equals(readOnly);
    }
}
