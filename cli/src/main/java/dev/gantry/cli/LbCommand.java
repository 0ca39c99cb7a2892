package dev.gantry.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/** {@code gantry lb [NAME]}: load balancers with their listeners, rules, target groups and target health. */
@Command(
        name = "lb",
        description = {
            "Show load balancers (all, or the one named): listeners (protocol:port) and their rules in priority order"
                    + " (conditions, actions with weights, the default rule last), then target groups with their"
                    + " health check and each target's health (state, reason, description).",
            "Without NAME, target groups no load balancer uses are listed at the end."
        })
final class LbCommand extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A load balancer's name or ARN.")
    String name;

    @Override
    int run(GantryClients c) {
        LbLookup lookup = new LbLookup(c.elb());
        List<LoadBalancer> lbs = lookup.loadBalancers(Optional.ofNullable(name));
        if (lbs.isEmpty()) {
            out().println(name == null ? "no load balancers" : "no load balancer named " + name);
        }
        boolean first = true;
        for (LoadBalancer lb : lbs) {
            if (!first) {
                out().println();
            }
            first = false;
            out().print(LbView.render(lookup.snapshot(lb)));
            out().flush();
        }
        if (name == null) {
            List<LbView.GroupHealth> loose = lookup.unattachedGroups();
            if (!loose.isEmpty()) {
                out().println();
                out().println("Target groups not used by a load balancer:");
                loose.forEach(g -> out().print(LbView.group(g)));
            }
        }
        out().flush();
        return lbs.isEmpty() && name != null ? CliException.FAILED : 0;
    }
}
