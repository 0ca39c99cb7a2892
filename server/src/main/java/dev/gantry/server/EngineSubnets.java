package dev.gantry.server;

import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.control.network.SubnetNetworks;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.runtime.spi.NetworkSpec;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.TaskDriver;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Realises subnets on the engine: each subnet's own bridge network ({@link Subnet#networkName()}, exactly its range,
 * the gateway its first address, engine-internal for a private subnet), labelled with this installation, the task
 * endpoint and Gantry's DNS on it. {@link #rebuild} realises every stored subnet again at start (the engine may have
 * lost networks, and the endpoint's and DNS's listeners and redirects are the process's).
 */
final class EngineSubnets implements SubnetNetworks {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSubnets.class);

    private final TaskDriver driver;
    private final String defaultNetwork;
    private final Supplier<Optional<TaskEndpointHost>> endpoint;
    private final Supplier<Optional<DnsHost>> dns;

    EngineSubnets(
            TaskDriver driver,
            String defaultNetwork,
            Supplier<Optional<TaskEndpointHost>> endpoint,
            Supplier<Optional<DnsHost>> dns) {
        this.driver = driver;
        this.defaultNetwork = defaultNetwork;
        this.endpoint = endpoint;
        this.dns = dns;
    }

    @Override
    public void create(Subnet subnet) {
        create(subnet, driver);
    }

    private void create(Subnet subnet, TaskDriver driver) {
        if (subnet.networkName().equals(defaultNetwork)) {
            return; // the default subnet is the engine network tasks have always used
        }
        String gateway = firstAddress(subnet.cidrBlock());
        try {
            driver.ensureNetwork(
                    new NetworkSpec(subnet.networkName(), subnet.cidrBlock(), gateway, subnet.privateSubnet()));
        } catch (RuntimeError e) {
            if (e.kind() == RuntimeError.Kind.NETWORK_CONFLICT) {
                throw new Conflict(e.getMessage());
            }
            throw new Unavailable(e.getMessage());
        }
        endpoint.get().ifPresent(h -> h.subnetAdded(subnet.networkName(), subnet.cidrBlock(), gateway));
        dns.get().ifPresent(d -> d.subnetAdded(subnet.cidrBlock(), gateway));
    }

    @Override
    public void remove(Subnet subnet) {
        if (subnet.networkName().equals(defaultNetwork)) {
            return;
        }
        endpoint.get().ifPresent(h -> h.subnetRemoved(subnet.networkName()));
        dns.get().ifPresent(d -> d.removeSubnet(subnet.cidrBlock(), firstAddress(subnet.cidrBlock())));
        try {
            driver.removeNetwork(subnet.networkName());
        } catch (RuntimeError e) {
            throw new Unavailable(e.getMessage());
        }
    }

    /**
     * Realises every subnet of the directory again through {@code started} (the driver just started, before it is
     * handed to the rest of Gantry); a failure is logged, and that subnet's tasks fail to start until it is realised.
     */
    void rebuild(NetworkDirectory directory, TaskDriver started) {
        for (Subnet s : directory.subnets()) {
            try {
                create(s, started);
            } catch (RuntimeException e) {
                LOG.atError()
                        .addKeyValue("subnetId", s.subnetId())
                        .addKeyValue("network", s.networkName())
                        .addKeyValue("error", e.getMessage())
                        .log("cannot realise the subnet's network at start; its tasks cannot start until it is");
            }
        }
    }

    /** The range's first address, where AWS puts the VPC router (and Gantry the host's address on the bridge). */
    static String firstAddress(String cidr) {
        String[] parts = cidr.split("/", 2);
        String[] b = parts[0].split("\\.");
        if (parts.length != 2 || b.length != 4) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: " + cidr);
        }
        long ip = 0;
        for (String octet : b) {
            ip = (ip << 8) | Integer.parseInt(octet);
        }
        int prefix = Integer.parseInt(parts[1]);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long first = (ip & mask) + 1;
        return (first >>> 24) + "." + ((first >>> 16) & 0xff) + "." + ((first >>> 8) & 0xff) + "." + (first & 0xff);
    }
}
