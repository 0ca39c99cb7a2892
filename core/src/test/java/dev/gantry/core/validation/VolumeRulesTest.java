package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.EfsVolumeConfiguration;
import dev.gantry.core.taskdef.MountPoint;
import dev.gantry.core.taskdef.Volume;
import dev.gantry.core.taskdef.VolumeFrom;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Task volumes, mount points and volumesFrom. */
class VolumeRulesTest {

    static Volume scratch(String name) {
        return new Volume(name, null, null, null, null);
    }

    static Volume efs(String name, EfsVolumeConfiguration config) {
        return new Volume(name, null, null, config, null);
    }

    static EfsVolumeConfiguration fs(String root, String transit, Map<String, String> auth) {
        return new EfsVolumeConfiguration("fs-0123abcd", root, transit, null, auth);
    }

    static MountPoint mount(String volume, String path) {
        return new MountPoint(volume, path, null);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("scratch volume mounted twice", t -> {
                    t.volumes = List.of(scratch("data"));
                    t.container(0).mountPoints = List.of(mount("data", "/data"));
                    t.add("side").mountPoints = List.of(new MountPoint("data", "/in", true));
                }),
                ok("host without sourcePath", t -> t.volumes = List.of(new Volume("d", Map.of(), null, null, null))),
                ok(
                        "docker volume of scope task",
                        t -> t.volumes =
                                List.of(new Volume("d", null, Map.of("scope", "task", "driver", "local"), null, null))),
                ok("efs with root directory", t -> t.volumes = List.of(efs("e", fs("/app/data", null, null)))),
                ok(
                        "efs with access point",
                        t -> t.volumes = List.of(
                                efs("e", fs(null, "ENABLED", Map.of("accessPointId", "fsap-0a1b", "iam", "ENABLED"))))),
                ok("volumesFrom chain", t -> {
                    t.add("b").volumesFrom = List.of(new VolumeFrom("web", true));
                    t.add("c").volumesFrom = List.of(new VolumeFrom("b", null));
                }),
                ok("unused volume", t -> t.volumes = List.of(scratch("spare"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(
                        "host path",
                        t -> t.volumes = List.of(new Volume("d", Map.of("sourcePath", "/etc"), null, null, null)),
                        CLIENT,
                        "Tasks using the Fargate launch type do not support host volumes with a 'sourcePath'. "
                                + "Remove host.sourcePath from volume 'd'"),
                bad(
                        "shared docker volume",
                        t -> t.volumes = List.of(new Volume("d", null, Map.of("scope", "shared"), null, null)),
                        CLIENT,
                        "Docker volumes of scope 'shared'"),
                bad(
                        "other driver",
                        t -> t.volumes = List.of(new Volume("d", null, Map.of("driver", "rexray"), null, null)),
                        CLIENT,
                        "supports only 'local'"),
                bad(
                        "configured at launch",
                        t -> t.volumes = List.of(new Volume("d", null, null, null, true)),
                        CLIENT,
                        "configuredAtLaunch"),
                bad(
                        "two configurations",
                        t -> t.volumes = List.of(new Volume("d", Map.of(), null, fs(null, null, null), null)),
                        CLIENT,
                        "more than one configuration"),
                bad("bad name", t -> t.volumes = List.of(scratch("a b")), CLIENT, "Invalid volume name 'a b'"),
                bad(
                        "duplicate",
                        t -> t.volumes = List.of(scratch("a"), scratch("a")),
                        CLIENT,
                        "Duplicate volume name 'a'"),
                bad(
                        "efs without id",
                        t -> t.volumes = List.of(efs("e", new EfsVolumeConfiguration(null, null, null, null, null))),
                        CLIENT,
                        "fileSystemId is required"),
                bad(
                        "efs relative root",
                        t -> t.volumes = List.of(efs("e", fs("data", null, null))),
                        CLIENT,
                        "rootDirectory must be an absolute path"),
                bad(
                        "efs escaping root",
                        t -> t.volumes = List.of(efs("e", fs("/a/../..", null, null))),
                        CLIENT,
                        "without '..'"),
                bad(
                        "access point with root directory",
                        t -> t.volumes = List.of(efs("e", fs("/x", "ENABLED", Map.of("accessPointId", "fsap-1")))),
                        CLIENT,
                        "rootDirectory must be omitted or set to '/'"),
                bad(
                        "access point without transit encryption",
                        t -> t.volumes = List.of(efs("e", fs(null, null, Map.of("accessPointId", "fsap-1")))),
                        CLIENT,
                        "transit encryption must be ENABLED"),
                bad(
                        "unknown source volume",
                        t -> t.container(0).mountPoints = List.of(mount("nope", "/x")),
                        CLIENT,
                        "Invalid setting for container 'web'. Mount point source volume 'nope' is not defined"),
                bad(
                        "relative container path",
                        t -> {
                            t.volumes = List.of(scratch("d"));
                            t.container(0).mountPoints = List.of(mount("d", "x"));
                        },
                        CLIENT,
                        "absolute 'containerPath'"),
                bad(
                        "same path twice",
                        t -> {
                            t.volumes = List.of(scratch("d"), scratch("e"));
                            t.container(0).mountPoints = List.of(mount("d", "/x"), mount("e", "/x"));
                        },
                        CLIENT,
                        "More than one mount point uses containerPath '/x'"),
                bad(
                        "volumesFrom unknown",
                        t -> t.container(0).volumesFrom = List.of(new VolumeFrom("ghost", null)),
                        CLIENT,
                        "volumesFrom names container 'ghost'"),
                bad(
                        "volumesFrom itself",
                        t -> t.container(0).volumesFrom = List.of(new VolumeFrom("web", null)),
                        CLIENT,
                        "cannot take volumesFrom itself"),
                bad(
                        "volumesFrom cycle",
                        t -> {
                            t.container(0).volumesFrom = List.of(new VolumeFrom("b", null));
                            t.add("b").volumesFrom = List.of(new VolumeFrom("web", null));
                        },
                        CLIENT,
                        "volumesFrom forms a cycle"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }
}
