package dev.gantry.control.firewall;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Applies a ruleset with {@code nsenter --net=<netns> iptables-restore}: the tool runs in the task's network namespace
 * only (named by the engine's path for it, never by a process id that could be recycled), reads the ruleset on stdin
 * and swaps the whole filter table in one commit. The host's own namespace is refused, whatever the path says. Needs root (CAP_SYS_ADMIN to
 * enter, CAP_NET_ADMIN to filter) and both tools on PATH.
 */
public final class NsenterIptables implements NamespaceFilters {
    static final String MISSING = "security groups cannot be enforced: %s (install util-linux's nsenter and iptables,"
            + " and run Gantry as root)";
    static final String HOST = "refusing to filter %s: it is not a task sandbox's network namespace (it is the host's,"
            + " or it is gone)";
    private static final long TIMEOUT_SECONDS = 10;

    @Override
    public Optional<String> unavailable() {
        for (List<String> probe : List.of(List.of("nsenter", "--version"), List.of("iptables-restore", "--version"))) {
            try {
                Result r = run(probe, "");
                if (r.exit() != 0) {
                    return Optional.of(MISSING.formatted(probe.getFirst() + " failed: " + r.output()));
                }
            } catch (IOException e) {
                return Optional.of(MISSING.formatted(probe.getFirst() + " not found"));
            }
        }
        return Optional.empty();
    }

    @Override
    public void apply(String netns, String ruleset) {
        if (isHostNamespace(netns)) {
            throw new FilterFailure(HOST.formatted(netns));
        }
        List<String> command = List.of("nsenter", "--net=" + netns, "iptables-restore");
        try {
            Result r = run(command, ruleset);
            if (r.exit() != 0) {
                throw new FilterFailure("iptables-restore in the task's namespace (" + netns + ") failed with exit "
                        + r.exit() + ": " + r.output());
            }
        } catch (IOException e) {
            throw new FilterFailure(MISSING.formatted(e.getMessage()));
        }
    }

    /** Whether {@code netns} is (or cannot be told from) the host's network namespace (Gantry's own, or process 1's). */
    static boolean isHostNamespace(String netns) {
        Object ino;
        try {
            ino = Files.getAttribute(Path.of(netns), "unix:ino");
        } catch (IOException | RuntimeException e) {
            return true; // gone, or not a path we can read: refused
        }
        // Gantry's own namespace is the host's it runs in; process 1's is checked too where it is readable
        for (String host : List.of("/proc/self/ns/net", "/proc/1/ns/net")) {
            try {
                if (ino.equals(Files.getAttribute(Path.of(host), "unix:ino"))) {
                    return true;
                }
            } catch (IOException | RuntimeException unreadable) {
                // e.g. /proc/1 hidden from this process: /proc/self still guards
            }
        }
        return false;
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command, String stdin) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + "s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FilterFailure("interrupted while applying filters");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(p.exitValue(), out);
    }
}
