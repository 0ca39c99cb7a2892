package dev.gantry.runtime.docker;

import dev.gantry.runtime.spi.RuntimeError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The routes of a sandbox on an engine-internal network (a private subnet): no default route, so nothing off the
 * subnet is reachable (the engine's internal flag only filters forwarded traffic, not the host's own addresses);
 * the subnet itself is on-link, and the link-local service addresses AWS gives every task (the task endpoint
 * 169.254.170.2, the DNS server 169.254.169.253, Service Connect's virtual addresses 169.254.171.0/24) go via the subnet's gateway, where Gantry redirects them. Set in
 * the sandbox's network namespace with the host's {@code nsenter} and {@code ip} (Gantry runs as root).
 */
final class PrivateRoutes {
    /** The addresses a private subnet's task still reaches through its gateway. */
    static final List<String> VIA_GATEWAY = List.of("169.254.170.2/32", "169.254.169.253/32", "169.254.171.0/24");

    private PrivateRoutes() {}

    /** The {@code ip} commands, in order (pure, for tests). */
    static List<List<String>> commands(String gateway) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("ip", "route", "del", "default"));
        for (String dst : VIA_GATEWAY) {
            out.add(List.of("ip", "route", "replace", dst, "via", gateway));
        }
        return out;
    }

    /**
     * Applies {@link #commands} in the network namespace the engine names {@code netns} (the sandbox's {@code
     * SandboxKey}); refuses the host's own namespace. A missing default route is fine.
     */
    static void apply(String netns, String gateway) {
        if (netns == null || netns.isBlank() || isHostNamespace(netns)) {
            throw failed(List.of("nsenter", "--net=" + netns), "not a sandbox's network namespace");
        }
        for (List<String> ip : commands(gateway)) {
            List<String> command = new ArrayList<>(List.of("nsenter", "--net=" + netns));
            command.addAll(ip);
            String out;
            int exit;
            try {
                Process p =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw failed(command, "did not finish");
                }
                exit = p.exitValue();
            } catch (IOException e) {
                throw failed(command, e.getMessage() + " (nsenter and ip must be installed)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(command, "interrupted");
            }
            boolean noDefault = ip.get(2).equals("del") && out.contains("No such process");
            if (exit != 0 && !noDefault) {
                throw failed(command, "exit " + exit + ": " + out);
            }
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

    private static RuntimeError failed(List<String> command, String why) {
        return new RuntimeError(
                RuntimeError.Kind.SANDBOX_FAILED,
                "cannot set a private subnet's routes (`" + String.join(" ", command) + "`): " + why,
                false,
                null);
    }
}
