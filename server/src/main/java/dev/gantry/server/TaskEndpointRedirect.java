package dev.gantry.server;

import dev.gantry.control.endpoint.TaskEndpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code 169.254.170.2:80} reach the task endpoint, as the ECS agent does: one iptables DNAT rule per task
 * network in the nat table's PREROUTING chain, for traffic from that network's range only, to the endpoint's address
 * on its bridge (the gateway, so no {@code route_localnet} is needed). Each rule carries a comment naming the
 * installation: a start first removes this installation's rules from an earlier run ({@link #removeStale}), and
 * {@link #close()} removes the rule.
 * Needs root (CAP_NET_ADMIN) and iptables; without them {@link #install} throws, saying what to fix.
 * ADR 12 says why a redirect rather than the address on a host interface.
 */
final class TaskEndpointRedirect implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskEndpointRedirect.class);
    static final String COMMENT_PREFIX = "gantry-task-endpoint-";

    private final List<String> rule;

    private TaskEndpointRedirect(List<String> rule) {
        this.rule = rule;
    }

    /** The rule's match and target, without the table, operation and chain. */
    static List<String> rule(String subnet, String gateway, int port, String installation) {
        return List.of(
                "-s",
                subnet,
                "-d",
                TaskEndpoints.ADDRESS + "/32",
                "-p",
                "tcp",
                "-m",
                "tcp",
                "--dport",
                "80",
                "-m",
                "comment",
                "--comment",
                COMMENT_PREFIX + installation,
                "-j",
                "DNAT",
                "--to-destination",
                gateway + ":" + port);
    }

    /** Adds the rule for one task network (call {@link #removeStale} once before the first). */
    static TaskEndpointRedirect install(String subnet, String gateway, int port, String installation) {
        List<String> rule = rule(subnet, gateway, port, installation);
        iptables(concat(List.of("-t", "nat", "-I", "PREROUTING", "1"), rule));
        LOG.atInfo()
                .addKeyValue("subnet", subnet)
                .addKeyValue("to", gateway + ":" + port)
                .log("redirecting " + TaskEndpoints.ADDRESS + ":80 to the task endpoint");
        return new TaskEndpointRedirect(rule);
    }

    /** Deletes this installation's rules left by an earlier run (e.g. one killed with -9). */
    static void removeStale(String installation) {
        for (List<String> delete : staleRules(iptables(List.of("-t", "nat", "-S", "PREROUTING")), installation)) {
            iptables(delete);
        }
    }

    /** The iptables arguments deleting each of {@code installation}'s rules in a {@code -S PREROUTING} listing. */
    static List<List<String>> staleRules(String listing, String installation) {
        return rulesCommented(listing, COMMENT_PREFIX + installation);
    }

    /** The iptables arguments deleting each rule commented {@code tag} in a {@code -S PREROUTING} listing. */
    static List<List<String>> rulesCommented(String listing, String tag) {
        List<List<String>> deletes = new ArrayList<>();
        for (String line : listing.split("\n")) {
            List<String> words = Arrays.asList(line.strip().replace("\"", "").split(" +"));
            int comment = words.indexOf("--comment");
            if (line.startsWith("-A PREROUTING ")
                    && comment > 0
                    && comment + 1 < words.size()
                    && words.get(comment + 1).equals(tag)) {
                List<String> args = new ArrayList<>(List.of("-t", "nat", "-D", "PREROUTING"));
                args.addAll(words.subList(2, words.size()));
                deletes.add(args);
            }
        }
        return deletes;
    }

    @Override
    public void close() {
        try {
            iptables(concat(List.of("-t", "nat", "-D", "PREROUTING"), rule));
        } catch (RedirectException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("could not remove the task endpoint redirect");
        }
    }

    /** iptables failed or is missing; the message says what to fix. */
    static final class RedirectException extends RuntimeException {
        RedirectException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Runs iptables (waiting up to 5 s for the xtables lock); its output, or a RedirectException saying why not. */
    static String iptables(List<String> args) {
        List<String> command = concat(List.of("iptables", "-w", "5"), args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RedirectException("iptables did not finish: " + String.join(" ", command), null);
            }
            if (p.exitValue() != 0) {
                throw new RedirectException(
                        "`" + String.join(" ", command) + "` failed (exit " + p.exitValue() + "): " + out.strip(),
                        null);
            }
            return out;
        } catch (IOException e) {
            throw new RedirectException("cannot run iptables (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedirectException("interrupted while running iptables", e);
        }
    }
}
