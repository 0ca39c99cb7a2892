package dev.gantry.runtime.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a container is confined, fully resolved. {@code capabilities}: exactly the capabilities the container holds
 * (names without {@code CAP_}; the driver drops every other one, whatever the engine's default); {@code
 * noNewPrivileges}: setuid binaries and file capabilities cannot raise privileges; {@code init}: a minimal init runs
 * as PID 1 (reaps zombies, forwards signals); {@code sharePidWithSandbox}: the container joins the process namespace
 * of the task's sandbox, so all the task's containers that ask for it see each other's processes (ECS's
 * {@code pidMode: task}); {@code runtime}: the engine runtime to run under (e.g. {@code runsc} for gVisor), empty for
 * the engine's default.
 */
public record Isolation(
        Set<String> capabilities,
        boolean noNewPrivileges,
        boolean init,
        boolean sharePidWithSandbox,
        Optional<String> runtime) {

    /** The runtime's default capability set, the same fourteen in Docker and containerd (and on Fargate). */
    public static final Set<String> DEFAULT_CAPABILITIES = Set.copyOf(List.of(
            "AUDIT_WRITE",
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "MKNOD",
            "NET_BIND_SERVICE",
            "NET_RAW",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_CHROOT"));

    public Isolation {
        capabilities = new TreeSet<>(capabilities);
        capabilities = java.util.Collections.unmodifiableSet(capabilities);
        Objects.requireNonNull(runtime, "runtime");
        runtime.ifPresent(r -> {
            if (r.isBlank()) {
                throw new IllegalArgumentException("runtime must not be blank");
            }
        });
    }

    /** Fargate's defaults: the default capabilities, no-new-privileges, no init, own process namespace. */
    public static Isolation hardened() {
        return new Isolation(DEFAULT_CAPABILITIES, true, false, false, Optional.empty());
    }

    public Isolation withRuntime(Optional<String> value) {
        return new Isolation(capabilities, noNewPrivileges, init, sharePidWithSandbox, value);
    }
}
