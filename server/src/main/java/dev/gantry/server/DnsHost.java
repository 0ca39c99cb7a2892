package dev.gantry.server;

import dev.gantry.control.dns.DnsDataPlane;
import dev.gantry.control.task.ContainerEnvironment;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.runtime.docker.DockerDriver;
import dev.gantry.runtime.spi.MountSpec;
import dev.gantry.runtime.spi.TaskDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Gantry's DNS server every task's resolver, once the engine's network exists: writes
 * {@code <data dir>/dns/resolv.conf} ({@code nameserver 169.254.169.253}), opens the server's listener on each task
 * subnet's gateway and redirects 169.254.169.253:53 from that subnet to it; from then on every app container gets
 * the file bound read-only at {@code /etc/resolv.conf} ({@link #environment()}). When any of it cannot be set up
 * (no iptables, not root), Gantry keeps running and says so at start: tasks keep the engine's resolver.
 * {@link #addSubnet}/{@link #removeSubnet} cover subnets created later (one engine network each).
 */
final class DnsHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsHost.class);
    static final String UNAVAILABLE = "Gantry's DNS server (169.254.169.253: Cloud Map names) is NOT tasks' resolver;"
            + " tasks keep the engine's resolver: ";
    static final String RESOLV_CONF = "nameserver " + DnsRedirect.ADDRESS + "\n";
    static final String CONTAINER_PATH = "/etc/resolv.conf";

    private final DnsDataPlane plane;
    private final Path resolvConf;
    private final String installation;
    private volatile DnsRedirect redirect;
    private volatile Optional<String> problem = Optional.of("not started");

    DnsHost(DnsDataPlane plane, Path dataDir, String installation) {
        this.plane = plane;
        this.resolvConf = dataDir.resolve("dns").resolve("resolv.conf").toAbsolutePath();
        this.installation = installation;
    }

    /** Called on the engine starter thread after the driver started, before tasks are re-adopted; never throws. */
    void open(TaskDriver driver) {
        if (!(driver instanceof DockerDriver docker)) {
            fail("the engine driver runs no tasks on a host network");
            return;
        }
        Optional<DockerDriver.BridgeAddresses> bridge = docker.bridge();
        if (bridge.isEmpty()) {
            fail("the engine's task network has no IPv4 subnet and gateway Gantry could use");
            return;
        }
        try {
            writeResolvConf(resolvConf);
            redirect = DnsRedirect.start(installation);
            addSubnet(bridge.get().subnet(), bridge.get().gateway());
            problem = Optional.empty();
            LOG.atInfo()
                    .addKeyValue("upstreams", plane.upstreams())
                    .addKeyValue("resolvConf", resolvConf)
                    .log(
                            plane.upstreams().isEmpty()
                                    ? "tasks resolve through Gantry's DNS server; no host resolver: other names fail"
                                    : "tasks resolve through Gantry's DNS server");
        } catch (RuntimeException e) {
            fail(e.getMessage() + " (Gantry must run as root with iptables to redirect " + DnsRedirect.ADDRESS
                    + ":53; `gantry doctor` checks it)");
        }
    }

    /** Serves DNS to {@code subnet} (a CIDR) through a listener on its {@code gateway}; throws when it cannot. */
    void addSubnet(String subnet, String gateway) {
        DnsRedirect r = redirect;
        if (r == null) {
            throw new IllegalStateException("DNS is not set up: " + problem.orElse("unknown"));
        }
        // the listener answers only its own subnet's tasks: nobody else routing to the gateway gets a resolver
        DnsDataPlane.Listening at = plane.listen(gateway, List.of(subnet));
        r.add(subnet, gateway, at.udpPort(), at.tcpPort());
    }

    /**
     * {@link #addSubnet} for a subnet just realised, when DNS is set up; a failure is logged (that subnet's tasks then
     * time out on 169.254.169.253), never thrown at CreateSubnet.
     */
    void subnetAdded(String subnet, String gateway) {
        if (problem.isPresent()) {
            return;
        }
        try {
            addSubnet(subnet, gateway);
        } catch (RuntimeException e) {
            LOG.atError()
                    .addKeyValue("subnet", subnet)
                    .addKeyValue("error", e.getMessage())
                    .log("cannot serve DNS to a subnet; its tasks cannot resolve names");
        }
    }

    /** Stops serving {@code subnet} (its engine network is gone). */
    void removeSubnet(String subnet, String gateway) {
        DnsRedirect r = redirect;
        if (r != null) {
            r.remove(subnet);
        }
        plane.stopListening(gateway);
    }

    /** The resolver file bound into every app container, once DNS is set up; nothing before or without it. */
    ContainerEnvironment environment() {
        MountSpec file = new MountSpec.HostFile(resolvConf.toString(), CONTAINER_PATH, true);
        return new ContainerEnvironment() {
            @Override
            public List<MountSpec> mounts(TaskSpec task, ContainerDefinition container) {
                return problem.isEmpty() ? List.of(file) : List.of();
            }
        };
    }

    /** Why tasks do not use Gantry's DNS server, if they do not. */
    Optional<String> problem() {
        return problem;
    }

    /** The data plane (for the lead's wiring of the Cloud Map nudge). */
    DnsDataPlane plane() {
        return plane;
    }

    /** {@code GANTRY_DNS_UPSTREAMS} ({@code host[:port],...}) overrides the host's resolv.conf nameservers. */
    static Optional<List<InetSocketAddress>> upstreams(Map<String, String> env) {
        String v = env.get("GANTRY_DNS_UPSTREAMS");
        if (v == null) {
            return Optional.empty();
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (String s : v.split(",")) {
            String t = s.strip();
            if (t.isEmpty()) {
                continue;
            }
            int colon = t.lastIndexOf(':');
            boolean port = colon > 0 && t.indexOf(':') == colon;
            try {
                out.add(new InetSocketAddress(
                        port ? t.substring(0, colon) : t, port ? Integer.parseInt(t.substring(colon + 1)) : 53));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "GANTRY_DNS_UPSTREAMS: not host[:port]: " + t + " (e.g. 127.0.0.1:5353,10.0.0.2)", e);
            }
        }
        return Optional.of(List.copyOf(out));
    }

    static void writeResolvConf(Path file) {
        try {
            Files.createDirectories(file.getParent());
            // written only when different: running tasks bind this inode, so it is never replaced under them
            if (!Files.exists(file) || !Files.readString(file).equals(RESOLV_CONF)) {
                Files.writeString(file, RESOLV_CONF, StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void fail(String why) {
        problem = Optional.of(why);
        LOG.atError().addKeyValue("reason", why).log(UNAVAILABLE + why);
    }

    @Override
    public void close() {
        DnsRedirect r = redirect;
        if (r != null) {
            r.close();
        }
        plane.close();
    }
}
