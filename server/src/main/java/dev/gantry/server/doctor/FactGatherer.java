package dev.gantry.server.doctor;

import dev.gantry.runtime.docker.EngineFacts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Gathers {@link HostFacts}: asks the engine, reads /proc/self/status, the interfaces and the file systems. */
public final class FactGatherer {
    private static final int CAP_NET_ADMIN = 12;

    private FactGatherer() {}

    public static HostFacts gather(String networkName, Path dataDir, Optional<String> defaultRuntime) {
        EngineFacts engine = EngineFacts.probe(networkName);
        boolean local = "unix".equals(engine.host().getScheme());
        String status = read(Path.of("/proc/self/status"));
        boolean root =
                field(status, "Uid:").map(v -> v.split("\\s+")[0].equals("0")).orElse(false);
        boolean netAdmin = field(status, "CapEff:")
                .map(hex -> (Long.parseUnsignedLong(hex.trim(), 16) >> CAP_NET_ADMIN & 1) == 1)
                .orElse(false);
        boolean address = hasAddress(HostChecks.ENDPOINT);
        return new HostFacts(
                engine,
                local,
                defaultRuntime,
                root,
                root || netAdmin,
                address,
                address ? serverHeader("http://" + HostChecks.ENDPOINT + "/") : Optional.empty(),
                dataDir,
                free(dataDir),
                local && engine.unreachable().isEmpty() ? free(Path.of(engine.rootDir())) : OptionalLong.empty());
    }

    /** Whether {@code command} is an executable file in a directory of PATH (or /usr/sbin, /sbin). */
    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The nameserver lines of the host's /etc/resolv.conf, as the DNS server forwards to them. */
    static List<String> nameservers() {
        return read(Path.of("/etc/resolv.conf"))
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("nameserver "))
                .map(l -> l.substring("nameserver ".length()).strip())
                .toList();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    static Optional<String> field(String status, String name) {
        return status.lines()
                .filter(l -> l.startsWith(name))
                .map(l -> l.substring(name.length()).trim())
                .findFirst();
    }

    private static boolean hasAddress(String ip) {
        try {
            InetAddress wanted = InetAddress.getByName(ip);
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (Collections.list(nif.getInetAddresses()).contains(wanted)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The Server header of whatever answers a GET, "" when none; empty when nothing answers. */
    private static Optional<String> serverHeader(String url) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return Optional.of(r.headers().firstValue("server").orElse(""));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Free bytes of the file system holding {@code dir}, or its nearest existing parent. */
    static OptionalLong free(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.getFileStore(p).getUsableSpace());
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
