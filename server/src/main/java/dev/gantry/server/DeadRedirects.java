package dev.gantry.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the redirects of Gantry installations that are gone. Every installation redirects its task subnets'
 * link-local services (the task endpoint, DNS, Service Connect aliases) with nat PREROUTING rules commented
 * {@code gantry-…-<installation>}; a process killed with -9 leaves them behind, and on a network several
 * installations share (the default one) the first rule wins, so a dead installation's rule would swallow the live
 * ones' traffic. A rule whose target ({@code --to-destination address:port}, a listener on a gateway) no longer
 * accepts connections belongs to nobody: it is deleted at start. A live installation's rules are left alone.
 */
final class DeadRedirects {
    private static final Logger LOG = LoggerFactory.getLogger(DeadRedirects.class);
    private static final int PROBE_MILLIS = 300;

    private DeadRedirects() {}

    /** Deletes the dead redirects of other installations; never throws (a failure is logged). */
    static void sweep(String installation) {
        try {
            String listing = TaskEndpointRedirect.iptables(List.of("-t", "nat", "-S", "PREROUTING"));
            for (List<String> delete : dead(listing, installation, DeadRedirects::listening)) {
                TaskEndpointRedirect.iptables(delete);
                LOG.atInfo()
                        .addKeyValue("rule", String.join(" ", delete.subList(4, delete.size())))
                        .log("removed a redirect left by a Gantry that is gone (its target no longer listens)");
            }
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("could not look for dead Gantry redirects");
        }
    }

    /**
     * The iptables arguments deleting each rule in a {@code -S PREROUTING} listing that another installation's
     * comment names and whose target {@code live} says is not listening.
     */
    static List<List<String>> dead(String listing, String installation, Predicate<InetSocketAddress> live) {
        List<List<String>> deletes = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (!line.startsWith("-A PREROUTING ")) {
                continue;
            }
            List<String> words = Arrays.asList(line.strip().replace("\"", "").split(" +"));
            int comment = words.indexOf("--comment");
            if (comment < 0 || comment + 1 >= words.size()) {
                continue;
            }
            String tag = words.get(comment + 1);
            if (!tag.startsWith("gantry-") || tag.endsWith("-" + installation)) {
                continue;
            }
            Optional<InetSocketAddress> target = target(words);
            if (target.isPresent() && !live.test(target.get())) {
                List<String> args = new ArrayList<>(List.of("-t", "nat", "-D", "PREROUTING"));
                args.addAll(words.subList(2, words.size()));
                deletes.add(args);
            }
        }
        return deletes;
    }

    private static Optional<InetSocketAddress> target(List<String> words) {
        int to = words.indexOf("--to-destination");
        if (to < 0 || to + 1 >= words.size()) {
            return Optional.empty();
        }
        String dest = words.get(to + 1);
        int colon = dest.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetSocketAddress.createUnresolved(
                    dest.substring(0, colon), Integer.parseInt(dest.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when something accepts a TCP connection at {@code at} (every Gantry redirect target listens on TCP). */
    private static boolean listening(InetSocketAddress at) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(at.getHostString(), at.getPort()), PROBE_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
