package dev.gantry.server.doctor;

import dev.gantry.runtime.docker.EngineFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pure: host facts to findings, one per check, in the order they are printed. Thresholds: below {@value #WARN_GIB}
 * GiB free a disk is a warning, below {@value #FAIL_GIB} GiB a failure (images, scratch volumes and the database
 * grow there).
 */
public final class HostChecks {
    static final long GIB = 1024L * 1024L * 1024L;
    static final int WARN_GIB = 5;
    static final int FAIL_GIB = 1;
    static final String ENDPOINT = "169.254.170.2";
    static final String GVISOR_FIX = "optional: 'apt-get install runsc', add {\"runtimes\":{\"runsc\":{\"path\":"
            + "\"/usr/bin/runsc\",\"runtimeArgs\":[\"--network=host\"]}}} to /etc/docker/daemon.json (keep its other "
            + "keys) and reload dockerd with 'kill -HUP $(pidof dockerd)'; see README, gVisor";

    private HostChecks() {}

    public static List<Finding> evaluate(HostFacts f) {
        List<Finding> out = new ArrayList<>();
        EngineFacts e = f.engine();
        if (e.unreachable().isPresent()) {
            out.add(Finding.fail(
                    "engine",
                    "no answer from " + e.host() + ": " + e.unreachable().get(),
                    "start Docker (e.g. 'sudo service docker start') or point DOCKER_HOST at a running engine"));
            out.add(disk("data dir " + f.dataDir(), f.dataDirFree()));
            return out;
        }
        out.add(Finding.ok("engine", "Docker " + e.version() + " (API " + e.apiVersion() + ") at " + e.host()));
        out.add(
                e.runtimes().contains("runc")
                        ? Finding.ok("runtime runc", "registered")
                        : Finding.warn(
                                "runtime runc",
                                "not listed (runtimes: " + e.runtimes() + ")",
                                "tasks run under the engine's default runtime; make sure it is an OCI runtime like runc"));
        out.add(
                e.runtimes().contains("runsc")
                        ? Finding.ok(
                                "runtime runsc (gVisor)", "registered: clusters tagged gantry:runtime=runsc can use it")
                        : Finding.warn(
                                "runtime runsc (gVisor)", "not registered: tasks cannot run under gVisor", GVISOR_FIX));
        f.defaultRuntime()
                .ifPresent(r -> out.add(
                        e.runtimes().contains(r)
                                ? Finding.ok("default runtime", "GANTRY_DEFAULT_RUNTIME=" + r + " is registered")
                                : Finding.fail(
                                        "default runtime",
                                        "GANTRY_DEFAULT_RUNTIME=" + r + " is not an engine runtime " + e.runtimes(),
                                        "register it with the engine, or unset GANTRY_DEFAULT_RUNTIME")));
        out.add(
                e.network().isPresent()
                        ? Finding.ok("bridge network", "exists (" + e.network().get() + ")")
                        : Finding.ok("bridge network", "not created yet; Gantry creates it on start"));
        out.add(cgroups(e));
        out.add(endpoint(f));
        out.add(disk("data dir " + f.dataDir(), f.dataDirFree()));
        out.add(
                f.engineRootFree().isPresent()
                        ? disk("engine root " + e.rootDir(), f.engineRootFree())
                        : Finding.ok("engine root " + e.rootDir(), "not measured: the engine is not on this machine"));
        return out;
    }

    /** Security groups are packet filters in each task's namespace: nsenter and iptables-restore must work (ADR 17). */
    public static Finding securityGroups(Optional<String> unavailable) {
        return unavailable
                .map(
                        why -> Finding.fail(
                                "security groups",
                                why,
                                "tasks will not start unfiltered: install nsenter (util-linux) and iptables, run Gantry as root"))
                .orElseGet(() -> Finding.ok(
                        "security groups", "nsenter and iptables-restore present: filters in each task's namespace"));
    }

    static Finding cgroups(EngineFacts e) {
        String mode = "cgroup v" + e.cgroupVersion() + ", driver " + e.cgroupDriver();
        if ("1".equals(e.cgroupVersion()) && "cgroupfs".equals(e.cgroupDriver())) {
            return Finding.ok("cgroups", mode + ": each task gets one cgroup with its cpu and memory (ADR 4)");
        }
        return Finding.warn(
                "cgroups",
                mode + ": each container carries the task's limits on its own",
                "nothing to do to run tasks; for one cgroup per task (a task's containers share its memory, as on "
                        + "Fargate) use cgroup v1 with the cgroupfs driver (docs/adr/0004-one-cgroup-per-task.md)");
    }

    static Finding endpoint(HostFacts f) {
        String check = ENDPOINT + ":80 (credentials and metadata endpoint)";
        if (f.endpointServer().isPresent()) {
            String server = f.endpointServer().get();
            return server.toLowerCase(java.util.Locale.ROOT).contains("gantry")
                    ? Finding.ok(check, "served by Gantry")
                    : Finding.warn(
                            check,
                            "answered by another server" + (server.isEmpty() ? "" : " (" + server + ")"),
                            "stop what listens on " + ENDPOINT + ":80, or tasks will not reach Gantry's endpoints");
        }
        if (f.endpointAddress()) {
            return Finding.ok(check, "address present, port 80 free");
        }
        if (f.canAddAddress()) {
            return Finding.ok(
                    check,
                    "address not configured yet; this process may add it (" + (f.root() ? "root" : "CAP_NET_ADMIN")
                            + ")");
        }
        return Finding.fail(
                check,
                "address not configured and this process may not add it",
                "run Gantry as root (or with CAP_NET_ADMIN), or add it once: 'sudo ip addr add " + ENDPOINT
                        + "/32 dev lo'");
    }

    /**
     * Whether tasks can use Gantry's DNS server: it needs iptables and root (CAP_NET_ADMIN) for the
     * 169.254.169.253 redirect; names outside Gantry's zones go to the host's resolvers ({@code upstreams}).
     */
    public static Finding dns(boolean netAdmin, boolean iptables, List<String> upstreams) {
        String check = "169.254.169.253:53 (tasks' DNS: Cloud Map names)";
        if (!netAdmin || !iptables) {
            return Finding.warn(
                    check,
                    (iptables ? "" : "no iptables; ") + (netAdmin ? "" : "not root nor CAP_NET_ADMIN; ")
                            + "tasks keep the engine's resolver and cannot resolve Cloud Map names",
                    "run Gantry as root on a host with iptables (apt-get install iptables)");
        }
        return upstreams.isEmpty()
                ? Finding.warn(
                        check,
                        "no nameserver in /etc/resolv.conf: tasks resolve only Gantry's names (others: SERVFAIL)",
                        "add a nameserver to /etc/resolv.conf, or set GANTRY_DNS_UPSTREAMS=host[:port],...")
                : Finding.ok(check, "served by Gantry; other names forwarded to " + upstreams);
    }

    static Finding disk(String check, OptionalLong free) {
        if (free.isEmpty()) {
            return Finding.warn(check, "free space unknown", "check that the directory's file system is mounted");
        }
        long gib = free.getAsLong() / GIB;
        String detail = String.format(java.util.Locale.ROOT, "%.1f GiB free", free.getAsLong() / (double) GIB);
        if (gib < FAIL_GIB) {
            return Finding.fail(check, detail, "free disk space: images, task volumes and the database live there");
        }
        if (gib < WARN_GIB) {
            return Finding.warn(
                    check,
                    detail,
                    "free some disk space: below " + WARN_GIB + " GiB pulls and task " + "volumes may fail");
        }
        return Finding.ok(check, detail);
    }
}
