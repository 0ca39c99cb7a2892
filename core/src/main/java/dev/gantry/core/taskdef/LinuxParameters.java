package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A container's {@code linuxParameters}. Fargate accepts {@code capabilities} (adding only SYS_PTRACE),
 * {@code initProcessEnabled} and (in Gantry) {@code tmpfs}; {@code devices}, {@code sharedMemorySize},
 * {@code maxSwap} and {@code swappiness} are bound only so that validation can refuse them as Fargate does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinuxParameters(
        KernelCapabilities capabilities,
        List<Object> devices,
        Boolean initProcessEnabled,
        Integer sharedMemorySize,
        List<Tmpfs> tmpfs,
        Integer maxSwap,
        Integer swappiness) {

    public boolean initProcessEnabledOrDefault() {
        return Boolean.TRUE.equals(initProcessEnabled);
    }

    public List<Tmpfs> tmpfsOrEmpty() {
        return tmpfs == null ? List.of() : tmpfs;
    }
}
