package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every mount of another container of the task ({@code volumesFrom[]}), read-only when {@code readOnly}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeFrom(String sourceContainer, Boolean readOnly) {

    public boolean readOnlyOrDefault() {
        return Boolean.TRUE.equals(readOnly);
    }
}
