package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code linuxParameters.capabilities}: names without the {@code CAP_} prefix, as ECS spells them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KernelCapabilities(List<String> add, List<String> drop) {

    public List<String> addOrEmpty() {
        return add == null ? List.of() : add;
    }

    public List<String> dropOrEmpty() {
        return drop == null ? List.of() : drop;
    }
}
