package dev.gantry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code 169.254.169.253:53} (Amazon's DNS address in a VPC) reach Gantry's DNS server, per task subnet: two
 * iptables DNAT rules (udp and tcp) in the nat table's PREROUTING chain, for traffic from that subnet only, to the
 * server's listener on the subnet's gateway, as {@link TaskEndpointRedirect} does for the task endpoint. The rules
 * carry a comment naming the installation: {@link #start} removes this installation's rules from an earlier run,
 * {@link #remove} a subnet's, {@link #close()} all. Needs root (CAP_NET_ADMIN) and iptables.
 */
final class DnsRedirect implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsRedirect.class);
    static final String ADDRESS = "169.254.169.253";
    static final String COMMENT_PREFIX = "gantry-dns-";

    private final String installation;
    private final Map<String, List<List<String>>> bySubnet = new ConcurrentHashMap<>();

    private DnsRedirect(String installation) {
        this.installation = installation;
    }

    /** Removes this installation's DNS rules left by an earlier run; throws when iptables cannot be used. */
    static DnsRedirect start(String installation) {
        for (List<String> delete : TaskEndpointRedirect.rulesCommented(
                TaskEndpointRedirect.iptables(List.of("-t", "nat", "-S", "PREROUTING")),
                COMMENT_PREFIX + installation)) {
            TaskEndpointRedirect.iptables(delete);
        }
        return new DnsRedirect(installation);
    }

    /** The udp and tcp rules' matches and targets, without the table, operation and chain. */
    static List<List<String>> rules(String subnet, String gateway, int udpPort, int tcpPort, String installation) {
        List<List<String>> rules = new ArrayList<>();
        for (String proto : List.of("udp", "tcp")) {
            rules.add(List.of(
                    "-s",
                    subnet,
                    "-d",
                    ADDRESS + "/32",
                    "-p",
                    proto,
                    "-m",
                    proto,
                    "--dport",
                    "53",
                    "-m",
                    "comment",
                    "--comment",
                    COMMENT_PREFIX + installation,
                    "-j",
                    "DNAT",
                    "--to-destination",
                    gateway + ":" + (proto.equals("udp") ? udpPort : tcpPort)));
        }
        return rules;
    }

    /** Redirects {@code subnet}'s DNS to the listener on {@code gateway} (replacing the subnet's earlier rules). */
    void add(String subnet, String gateway, int udpPort, int tcpPort) {
        remove(subnet);
        List<List<String>> rules = rules(subnet, gateway, udpPort, tcpPort, installation);
        List<List<String>> done = new ArrayList<>();
        try {
            for (List<String> rule : rules) {
                TaskEndpointRedirect.iptables(
                        TaskEndpointRedirect.concat(List.of("-t", "nat", "-I", "PREROUTING", "1"), rule));
                done.add(rule);
            }
        } finally {
            bySubnet.put(subnet, done);
        }
        LOG.atInfo()
                .addKeyValue("subnet", subnet)
                .addKeyValue("udp", gateway + ":" + udpPort)
                .addKeyValue("tcp", gateway + ":" + tcpPort)
                .log("redirecting " + ADDRESS + ":53 to Gantry's DNS server");
    }

    /** Removes {@code subnet}'s rules, if it has any. */
    void remove(String subnet) {
        List<List<String>> rules = bySubnet.remove(subnet);
        if (rules == null) {
            return;
        }
        for (List<String> rule : rules) {
            try {
                TaskEndpointRedirect.iptables(
                        TaskEndpointRedirect.concat(List.of("-t", "nat", "-D", "PREROUTING"), rule));
            } catch (TaskEndpointRedirect.RedirectException e) {
                LOG.atWarn()
                        .addKeyValue("subnet", subnet)
                        .addKeyValue("error", e.getMessage())
                        .log("could not remove a DNS redirect");
            }
        }
    }

    @Override
    public void close() {
        for (String subnet : List.copyOf(bySubnet.keySet())) {
            remove(subnet);
        }
    }
}
