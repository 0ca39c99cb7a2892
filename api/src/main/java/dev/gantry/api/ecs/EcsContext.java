package dev.gantry.api.ecs;

import dev.gantry.control.discovery.DiscoveryRegistry;
import dev.gantry.control.housekeeping.DeletedRevisions;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.control.lb.TargetGroupRegistry;
import dev.gantry.control.serviceconnect.ImplicitNamespaces;
import dev.gantry.control.serviceconnect.ServiceConnectNamespaces;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.store.ecs.ClusterStore;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * What the ECS handlers work with. {@code targetGroups} is where CreateService/UpdateService check a service's
 * load balancers; {@code serviceChanged} wakes the service scheduler (and service discovery) for a service ARN after
 * a change; {@code registries} is where they check a service's {@code serviceRegistries} (Cloud Map services);
 * {@code namespaces} is where they resolve a Service Connect namespace.
 */
public record EcsContext(
        Arns arns,
        ClusterStore clusters,
        TaskDefinitionStore taskDefinitions,
        TaskStore tasks,
        TagStore tags,
        TaskLauncher launcher,
        DeletedRevisions deletedRevisions,
        InstantSource clock,
        IdSource ids,
        ServiceStore services,
        TargetGroupRegistry targetGroups,
        Consumer<String> serviceChanged,
        DiscoveryRegistry registries,
        ServiceConnectNamespaces namespaces) {

    /** Handlers without Cloud Map: every {@code serviceRegistries} entry names a registry that does not exist. */
    public EcsContext(
            Arns arns,
            ClusterStore clusters,
            TaskDefinitionStore taskDefinitions,
            TaskStore tasks,
            TagStore tags,
            TaskLauncher launcher,
            DeletedRevisions deletedRevisions,
            InstantSource clock,
            IdSource ids,
            ServiceStore services,
            TargetGroupRegistry targetGroups,
            Consumer<String> serviceChanged) {
        this(
                arns,
                clusters,
                taskDefinitions,
                tasks,
                tags,
                launcher,
                deletedRevisions,
                clock,
                ids,
                services,
                targetGroups,
                serviceChanged,
                DiscoveryRegistry.unavailable());
    }

    /** Service Connect namespaces are {@link ImplicitNamespaces} (any well-formed name). */
    public EcsContext(
            Arns arns,
            ClusterStore clusters,
            TaskDefinitionStore taskDefinitions,
            TaskStore tasks,
            TagStore tags,
            TaskLauncher launcher,
            DeletedRevisions deletedRevisions,
            InstantSource clock,
            IdSource ids,
            ServiceStore services,
            TargetGroupRegistry targetGroups,
            Consumer<String> serviceChanged,
            DiscoveryRegistry registries) {
        this(
                arns,
                clusters,
                taskDefinitions,
                tasks,
                tags,
                launcher,
                deletedRevisions,
                clock,
                ids,
                services,
                targetGroups,
                serviceChanged,
                registries,
                new ImplicitNamespaces(arns.region(), arns.accountId()));
    }
}
