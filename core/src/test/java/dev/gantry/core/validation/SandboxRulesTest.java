package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.KernelCapabilities;
import dev.gantry.core.taskdef.LinuxParameters;
import dev.gantry.core.taskdef.Tmpfs;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a task definition may ask of the sandbox: Fargate's refusals, and what it accepts. */
class SandboxRulesTest {

    static LinuxParameters caps(List<String> add, List<String> drop) {
        return new LinuxParameters(new KernelCapabilities(add, drop), null, null, null, null, null, null);
    }

    static LinuxParameters tmpfs(Tmpfs... mounts) {
        return new LinuxParameters(null, null, null, null, List.of(mounts), null, null);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("privileged false", t -> t.container(0).privileged = false),
                ok(
                        "add SYS_PTRACE, drop some",
                        t -> t.container(0).linuxParameters = caps(List.of("SYS_PTRACE"), List.of("NET_RAW", "MKNOD"))),
                ok("drop ALL", t -> t.container(0).linuxParameters = caps(null, List.of("ALL"))),
                ok(
                        "init process",
                        t -> t.container(0).linuxParameters =
                                new LinuxParameters(null, null, true, null, null, null, null)),
                ok(
                        "tmpfs with options",
                        t -> t.container(0).linuxParameters =
                                tmpfs(new Tmpfs("/scratch", 64, List.of("noexec", "mode=1777", "nosuid")))),
                ok("readonly root", t -> t.container(0).readonlyRootFilesystem = true),
                ok("pidMode task", t -> t.pidMode = "task"),
                ok("empty security options", t -> t.container(0).dockerSecurityOptions = List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(
                        "privileged",
                        t -> t.container(0).privileged = true,
                        CLIENT,
                        "Invalid setting for container 'web'. Tasks using the Fargate launch type do not support "
                                + "privileged containers. Remove 'privileged'"),
                bad(
                        "add NET_ADMIN",
                        t -> t.container(0).linuxParameters = caps(List.of("SYS_PTRACE", "NET_ADMIN"), null),
                        CLIENT,
                        "only support adding the SYS_PTRACE kernel capability. Remove 'NET_ADMIN'"),
                bad(
                        "add ALL",
                        t -> t.container(0).linuxParameters = caps(List.of("ALL"), null),
                        CLIENT,
                        "Invalid capability 'ALL'"),
                bad(
                        "CAP_ prefix",
                        t -> t.container(0).linuxParameters = caps(null, List.of("CAP_NET_RAW")),
                        CLIENT,
                        "without the CAP_ prefix"),
                bad(
                        "devices",
                        t -> t.container(0).linuxParameters = new LinuxParameters(
                                null, List.of(Map.of("hostPath", "/dev/kvm")), null, null, null, null, null),
                        CLIENT,
                        "do not support the 'devices' linux parameter. Remove linuxParameters.devices"),
                bad(
                        "sharedMemorySize",
                        t -> t.container(0).linuxParameters =
                                new LinuxParameters(null, null, null, 64, null, null, null),
                        CLIENT,
                        "'sharedMemorySize'"),
                bad(
                        "maxSwap",
                        t -> t.container(0).linuxParameters =
                                new LinuxParameters(null, null, null, null, null, 0, null),
                        CLIENT,
                        "'maxSwap'"),
                bad(
                        "swappiness",
                        t -> t.container(0).linuxParameters =
                                new LinuxParameters(null, null, null, null, null, null, 10),
                        CLIENT,
                        "'swappiness'"),
                bad(
                        "tmpfs without size",
                        t -> t.container(0).linuxParameters = tmpfs(new Tmpfs("/x", null, null)),
                        CLIENT,
                        "needs a 'size'"),
                bad(
                        "tmpfs relative",
                        t -> t.container(0).linuxParameters = tmpfs(new Tmpfs("x", 1, null)),
                        CLIENT,
                        "absolute 'containerPath'"),
                bad(
                        "tmpfs bad option",
                        t -> t.container(0).linuxParameters = tmpfs(new Tmpfs("/x", 1, List.of("rbind"))),
                        CLIENT,
                        "Invalid tmpfs mount option 'rbind'"),
                bad(
                        "security options",
                        t -> t.container(0).dockerSecurityOptions = List.of("seccomp=unconfined"),
                        CLIENT,
                        "do not support dockerSecurityOptions"),
                bad("pidMode host", t -> t.pidMode = "host", CLIENT, "do not support pidMode 'host'. Set \"pidMode\""),
                bad("pidMode other", t -> t.pidMode = "box", CLIENT, "Invalid pidMode 'box'"),
                bad(
                        "ipcMode",
                        t -> t.ipcMode = "task",
                        CLIENT,
                        "Tasks using the Fargate launch type do not support ipcMode. Remove 'ipcMode'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }
}
