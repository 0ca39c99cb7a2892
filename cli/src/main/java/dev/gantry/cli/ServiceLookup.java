package dev.gantry.cli;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Service;

/** Reads the services of one cluster through the public ECS API. */
record ServiceLookup(EcsClient ecs, String cluster) {
    /** DescribeServices takes at most this many services per call. */
    static final int DESCRIBE_BATCH = 10;

    static final String NOT_FOUND = "service %s not found in cluster %s (%s); gantry services lists them";

    /** ARNs of the cluster's services, all pages (ListServices returns 10 a page unless asked for more). */
    List<String> list() {
        return ecs.listServicesPaginator(b -> b.cluster(cluster).maxResults(100)).serviceArns().stream()
                .toList();
    }

    /** Services by name or ARN, in batches of {@value #DESCRIBE_BATCH}; ones the server does not know are left out. */
    List<Service> describeAll(List<String> services) {
        List<Service> found = new ArrayList<>(services.size());
        for (int i = 0; i < services.size(); i += DESCRIBE_BATCH) {
            List<String> batch = services.subList(i, Math.min(services.size(), i + DESCRIBE_BATCH));
            found.addAll(ecs.describeServices(b -> b.cluster(cluster).services(batch))
                    .services());
        }
        return found;
    }

    /** One service by name or ARN; a service the server does not know is an error. */
    Service describe(String service) {
        DescribeServicesResponse r =
                ecs.describeServices(b -> b.cluster(cluster).services(service));
        if (r.services().isEmpty()) {
            String why = r.failures().stream().map(Failure::reason).findFirst().orElse("MISSING");
            throw CliException.failed(NOT_FOUND.formatted(service, cluster, why));
        }
        return r.services().get(0);
    }
}
