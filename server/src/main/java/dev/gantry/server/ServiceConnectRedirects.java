package dev.gantry.server;

import dev.gantry.control.serviceconnect.AliasRedirects;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service Connect's client aliases on the task networks (ADR 16): per alias and task subnet (read at each apply) one
 * iptables DNAT rule in nat PREROUTING, for traffic from the subnet to the alias's virtual address and port, to its router listener on the gateway,
 * tagged with a comment naming the installation as the task endpoint's rule is (ADR 12). {@link #apply} adds the
 * missing rules and deletes the ones no longer wanted; the first apply first deletes this installation's rules left
 * by an earlier run. A failing iptables is logged, never thrown: the aliases then resolve but do not connect.
 */
final class ServiceConnectRedirects implements AliasRedirects {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceConnectRedirects.class);
    static final String COMMENT_PREFIX = "gantry-service-connect-";

    private final Supplier<List<String>> subnets;
    private final String installation;
    private final Set<List<String>> installed = new LinkedHashSet<>();
    private boolean cleaned;

    ServiceConnectRedirects(Supplier<List<String>> subnets, String installation) {
        this.subnets = subnets;
        this.installation = installation;
    }

    static List<String> rule(String subnet, Redirect r, String installation) {
        return List.of(
                "-s",
                subnet,
                "-d",
                r.virtualIp() + "/32",
                "-p",
                "tcp",
                "-m",
                "tcp",
                "--dport",
                Integer.toString(r.port()),
                "-m",
                "comment",
                "--comment",
                COMMENT_PREFIX + installation,
                "-j",
                "DNAT",
                "--to-destination",
                r.listenerHost() + ":" + r.listenerPort());
    }

    @Override
    public synchronized void apply(List<Redirect> wanted) {
        try {
            if (!cleaned) {
                String listing = TaskEndpointRedirect.iptables(List.of("-t", "nat", "-S", "PREROUTING"));
                for (List<String> delete : staleRules(listing, installation)) {
                    TaskEndpointRedirect.iptables(delete);
                }
                cleaned = true;
            }
            Set<List<String>> next = new LinkedHashSet<>();
            for (String subnet : wanted.isEmpty() ? List.<String>of() : subnets.get()) {
                wanted.forEach(r -> next.add(rule(subnet, r, installation)));
            }
            for (List<String> old : List.copyOf(installed)) {
                if (!next.contains(old)) {
                    TaskEndpointRedirect.iptables(concat(List.of("-t", "nat", "-D", "PREROUTING"), old));
                    installed.remove(old);
                }
            }
            for (List<String> rule : next) {
                if (!installed.contains(rule)) {
                    TaskEndpointRedirect.iptables(concat(List.of("-t", "nat", "-I", "PREROUTING", "1"), rule));
                    installed.add(rule);
                }
            }
        } catch (TaskEndpointRedirect.RedirectException e) {
            LOG.atError()
                    .addKeyValue("error", e.getMessage())
                    .log("cannot redirect Service Connect aliases (Gantry must run as root with iptables)");
        }
    }

    /** The deletes of {@code installation}'s Service Connect rules in a {@code -S PREROUTING} listing. */
    static List<List<String>> staleRules(String listing, String installation) {
        List<List<String>> deletes = new ArrayList<>();
        for (String line : listing.split("\n")) {
            List<String> words = List.of(line.strip().replace("\"", "").split(" +"));
            int comment = words.indexOf("--comment");
            if (line.startsWith("-A PREROUTING ")
                    && comment > 0
                    && comment + 1 < words.size()
                    && words.get(comment + 1).equals(COMMENT_PREFIX + installation)) {
                List<String> args = new ArrayList<>(List.of("-t", "nat", "-D", "PREROUTING"));
                args.addAll(words.subList(2, words.size()));
                deletes.add(args);
            }
        }
        return deletes;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
