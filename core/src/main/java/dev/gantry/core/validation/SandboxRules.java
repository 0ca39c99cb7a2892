package dev.gantry.core.validation;

import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.KernelCapabilities;
import dev.gantry.core.taskdef.LinuxParameters;
import dev.gantry.core.taskdef.Tmpfs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hardened by default, as Fargate is: what a task definition may ask of the sandbox. Privileged containers, Docker
 * security options, {@code pidMode: host}, {@code ipcMode} and the {@code linuxParameters} Fargate refuses
 * (adding any capability but SYS_PTRACE, devices, sharedMemorySize, maxSwap, swappiness) are ClientExceptions worded
 * as ECS words them ("Tasks using the Fargate launch type do not support ..."), followed by what to change.
 * {@code tmpfs} is accepted (Fargate refuses it; it grants nothing, see docs/compat/ecs.md).
 */
public final class SandboxRules {
    /** The only capability Fargate lets a task add. */
    public static final String ADDABLE_CAPABILITY = "SYS_PTRACE";
    /** ECS's KernelCapabilities values (without ALL). */
    static final List<String> CAPABILITY_NAMES = List.of(
            "AUDIT_CONTROL",
            "AUDIT_WRITE",
            "BLOCK_SUSPEND",
            "CHOWN",
            "DAC_OVERRIDE",
            "DAC_READ_SEARCH",
            "FOWNER",
            "FSETID",
            "IPC_LOCK",
            "IPC_OWNER",
            "KILL",
            "LEASE",
            "LINUX_IMMUTABLE",
            "MAC_ADMIN",
            "MAC_OVERRIDE",
            "MKNOD",
            "NET_ADMIN",
            "NET_BIND_SERVICE",
            "NET_BROADCAST",
            "NET_RAW",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_ADMIN",
            "SYS_BOOT",
            "SYS_CHROOT",
            "SYS_MODULE",
            "SYS_NICE",
            "SYS_PACCT",
            "SYS_PTRACE",
            "SYS_RAWIO",
            "SYS_RESOURCE",
            "SYS_TIME",
            "SYS_TTY_CONFIG",
            "SYSLOG",
            "WAKE_ALARM");
    /** tmpfs mount options Gantry passes on: flags, and {@code name=value} for the ones that take a value. */
    static final List<String> TMPFS_FLAGS = List.of(
            "defaults",
            "ro",
            "rw",
            "suid",
            "nosuid",
            "dev",
            "nodev",
            "exec",
            "noexec",
            "sync",
            "async",
            "dirsync",
            "mand",
            "nomand",
            "atime",
            "noatime",
            "diratime",
            "nodiratime",
            "relatime",
            "norelatime",
            "strictatime",
            "nostrictatime");

    static final List<String> TMPFS_VALUED = List.of("mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");
    static final String FARGATE = "Tasks using the Fargate launch type do not support ";
    static final String PRIVILEGED = FARGATE + "privileged containers.";
    static final String SECURITY_OPTIONS = FARGATE + "dockerSecurityOptions.";
    static final String IPC_MODE = FARGATE + "ipcMode.";
    static final String PID_MODE_HOST = FARGATE + "pidMode 'host'.";
    static final String ONLY_SYS_PTRACE =
            "Tasks using the Fargate launch type only support adding the SYS_PTRACE " + "kernel capability.";
    private static final Pattern VALUED_OPTION = Pattern.compile("([a-z_]+)=([A-Za-z0-9:_.-]+)");

    private SandboxRules() {}

    /** {@code pidMode} and {@code ipcMode} of the task. */
    static void task(String pidMode, String ipcMode) {
        if (ipcMode != null && !ipcMode.isEmpty()) {
            throw Problems.task(IPC_MODE + " Remove 'ipcMode' from the task definition (it is '" + ipcMode + "').");
        }
        if (pidMode == null || pidMode.isEmpty() || pidMode.equals("task")) {
            return;
        }
        if (pidMode.equals("host")) {
            throw Problems.task(PID_MODE_HOST + " Set \"pidMode\": \"task\" (the task's containers share one process "
                    + "namespace) or omit it (each container has its own).");
        }
        throw Problems.task(
                "Invalid pidMode '" + pidMode + "'. Valid values: host, task (Fargate supports only task).");
    }

    /** The container's privileged flag, security options and {@code linuxParameters}. */
    static void container(ContainerDefinition c) {
        String name = c.name();
        if (Boolean.TRUE.equals(c.privileged())) {
            throw Problems.container(name, PRIVILEGED + " Remove 'privileged' (or set it to false).");
        }
        if (c.dockerSecurityOptions() != null && !c.dockerSecurityOptions().isEmpty()) {
            throw Problems.container(
                    name,
                    SECURITY_OPTIONS + " Remove 'dockerSecurityOptions'; every container "
                            + "already runs with no-new-privileges and Fargate's capability set.");
        }
        LinuxParameters p = c.linuxParameters();
        if (p == null) {
            return;
        }
        if (p.capabilities() != null) {
            capabilities(name, p.capabilities());
        }
        refuseSet(name, "devices", p.devices() != null && !p.devices().isEmpty());
        refuseSet(name, "sharedMemorySize", p.sharedMemorySize() != null);
        refuseSet(name, "maxSwap", p.maxSwap() != null);
        refuseSet(name, "swappiness", p.swappiness() != null);
        tmpfs(name, p.tmpfsOrEmpty());
    }

    private static void refuseSet(String name, String field, boolean set) {
        if (set) {
            throw Problems.container(
                    name, FARGATE + "the '" + field + "' linux parameter. Remove linuxParameters." + field + ".");
        }
    }

    private static void capabilities(String name, KernelCapabilities caps) {
        for (String cap : caps.addOrEmpty()) {
            known(name, "add", cap);
            if (!ADDABLE_CAPABILITY.equals(cap)) {
                throw Problems.container(
                        name, ONLY_SYS_PTRACE + " Remove '" + cap + "' from " + "linuxParameters.capabilities.add.");
            }
        }
        for (String cap : caps.dropOrEmpty()) {
            if (!"ALL".equals(cap)) {
                known(name, "drop", cap);
            }
        }
    }

    private static void known(String name, String list, String cap) {
        if (cap == null || !CAPABILITY_NAMES.contains(cap)) {
            throw Problems.container(
                    name,
                    "Invalid capability '" + cap + "' in linuxParameters.capabilities." + list
                            + ". Use names without the CAP_ prefix, such as SYS_PTRACE.");
        }
    }

    private static void tmpfs(String name, List<Tmpfs> mounts) {
        Set<String> paths = new HashSet<>();
        for (Tmpfs t : mounts) {
            if (t == null || t.containerPath() == null || !t.containerPath().startsWith("/")) {
                throw Problems.container(name, "Every linuxParameters.tmpfs entry needs an absolute 'containerPath'.");
            }
            if (!paths.add(t.containerPath())) {
                throw Problems.container(name, "tmpfs path '" + t.containerPath() + "' is mounted more than once.");
            }
            if (t.size() == null || t.size() <= 0) {
                throw Problems.container(
                        name, "tmpfs '" + t.containerPath() + "' needs a 'size' in MiB greater " + "than 0.");
            }
            for (String option : t.mountOptionsOrEmpty()) {
                tmpfsOption(name, t.containerPath(), option);
            }
        }
    }

    private static void tmpfsOption(String name, String path, String option) {
        if (option != null && TMPFS_FLAGS.contains(option)) {
            return;
        }
        var m = option == null ? null : VALUED_OPTION.matcher(option);
        if (m != null && m.matches() && TMPFS_VALUED.contains(m.group(1))) {
            return;
        }
        throw Problems.container(
                name,
                "Invalid tmpfs mount option '" + option + "' for '" + path + "'. Valid: "
                        + String.join(", ", TMPFS_FLAGS) + ", and " + String.join("=, ", TMPFS_VALUED) + "=<value>.");
    }
}
