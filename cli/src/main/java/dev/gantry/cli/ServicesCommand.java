package dev.gantry.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.ecs.model.Service;

/** {@code gantry services [NAME]}: the cluster's services as a table, or one service in detail. */
@Command(
        name = "services",
        description = {
            "List the cluster's services: task counts, task definition, deployments and their rollout state, the last"
                    + " event.",
            "With NAME, show that service in detail: deployments, load balancers and its latest events."
        })
final class ServicesCommand extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A service name or ARN.")
    String name;

    @Option(
            names = {"-n", "--events"},
            paramLabel = "N",
            defaultValue = "10",
            description = "With NAME: how many of the latest events to show (default: ${DEFAULT-VALUE}).")
    int events;

    @Override
    int run(GantryClients c) {
        ServiceLookup lookup = new ServiceLookup(c.ecs(), connection.cluster());
        if (name != null) {
            out().print(ServiceView.detail(lookup.describe(name), events, Instant.now(), ZoneId.systemDefault()));
            out().flush();
            return 0;
        }
        List<Service> services = lookup.describeAll(lookup.list()).stream()
                .sorted(Comparator.comparing(Service::serviceName))
                .toList();
        if (services.isEmpty()) {
            out().println("no services in cluster " + connection.cluster());
        } else {
            out().print(ServiceView.table(services, Instant.now()).render());
        }
        out().flush();
        return 0;
    }
}
