package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A tmpfs mount of a container ({@code linuxParameters.tmpfs[]}); {@code size} in MiB. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tmpfs(String containerPath, Integer size, List<String> mountOptions) {

    public List<String> mountOptionsOrEmpty() {
        return mountOptions == null ? List.of() : mountOptions;
    }
}
