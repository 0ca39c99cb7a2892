package dev.gantry.runtime.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.Isolation;
import dev.gantry.runtime.spi.MountSpec;
import dev.gantry.runtime.spi.Sandbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: a container's {@link Isolation} and {@link MountSpec}s in Docker's create-container terms. Every capability is
 * dropped and the spec's set added back (so the set does not depend on the engine's default); no-new-privileges is a
 * security option; init is Docker's init; {@code pidMode: task} joins the sandbox's process namespace; volumes are
 * named volumes the engine creates on first mount with Gantry's labels (so they live wherever the engine runs, also
 * behind a remote DOCKER_HOST, and are found again after a restart); tmpfs mounts carry their options;
 * a platform-owned host file is a bind mount.
 */
final class EngineIsolation {
    static final String NO_NEW_PRIVILEGES = "no-new-privileges";

    private EngineIsolation() {}

    static void apply(HostConfig host, String installationId, Sandbox sandbox, ContainerSpec spec) {
        Isolation iso = spec.isolation();
        host.withCapDrop(Capability.ALL);
        if (!iso.capabilities().isEmpty()) {
            host.withCapAdd(iso.capabilities().stream().map(Capability::valueOf).toArray(Capability[]::new));
        }
        if (iso.noNewPrivileges()) {
            host.withSecurityOpts(List.of(NO_NEW_PRIVILEGES));
        }
        if (iso.init()) {
            host.withInit(true);
        }
        if (iso.sharePidWithSandbox()) {
            host.withPidMode("container:" + sandbox.runtimeId());
        }
        iso.runtime().ifPresent(host::withRuntime);
        List<Mount> mounts = new ArrayList<>();
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (MountSpec m : spec.mounts()) {
            switch (m) {
                case MountSpec.TaskVolume v ->
                    mounts.add(new Mount()
                            .withType(MountType.VOLUME)
                            .withSource(Names.taskVolume(spec.task().taskId(), v.volume()))
                            .withTarget(v.containerPath())
                            .withReadOnly(v.readOnly())
                            .withVolumeOptions(new VolumeOptions().withLabels(taskVolumeLabels(installationId, spec))));
                case MountSpec.PersistentVolume v ->
                    mounts.add(new Mount()
                            .withType(MountType.VOLUME)
                            .withSource(Names.persistentVolume(installationId, v.fileSystemId(), v.path()))
                            .withTarget(v.containerPath())
                            .withReadOnly(v.readOnly())
                            .withVolumeOptions(new VolumeOptions()
                                    .withNoCopy(true)
                                    .withLabels(persistentLabels(installationId, v))));
                case MountSpec.Tmpfs t -> tmpfs.put(t.containerPath(), tmpfsOptions(t));
                case MountSpec.HostFile f ->
                    mounts.add(new Mount()
                            .withType(MountType.BIND)
                            .withSource(f.hostPath())
                            .withTarget(f.containerPath())
                            .withReadOnly(f.readOnly()));
            }
        }
        if (!mounts.isEmpty()) {
            host.withMounts(mounts);
        }
        if (!tmpfs.isEmpty()) {
            host.withTmpFs(tmpfs);
        }
    }

    static Map<String, String> taskVolumeLabels(String installationId, ContainerSpec spec) {
        return Map.of(
                Names.LABEL_MANAGED,
                "true",
                Names.LABEL_INSTALLATION,
                installationId,
                Names.LABEL_ROLE,
                Names.ROLE_TASK_VOLUME,
                Names.LABEL_TASK_ID,
                spec.task().taskId());
    }

    static Map<String, String> persistentLabels(String installationId, MountSpec.PersistentVolume v) {
        return Map.of(
                Names.LABEL_MANAGED,
                "true",
                Names.LABEL_INSTALLATION,
                installationId,
                Names.LABEL_ROLE,
                Names.ROLE_PERSISTENT_VOLUME,
                Names.LABEL_FILE_SYSTEM_ID,
                v.fileSystemId(),
                Names.LABEL_VOLUME_PATH,
                v.path());
    }

    /** Docker's tmpfs option string: {@code size=<bytes>} and the spec's options. */
    static String tmpfsOptions(MountSpec.Tmpfs t) {
        List<String> options = new ArrayList<>();
        options.add("size=" + t.sizeBytes());
        t.options().stream().filter(o -> !o.equals("defaults")).forEach(options::add);
        return String.join(",", options);
    }
}
