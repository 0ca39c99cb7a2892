package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.run.CapacityProviderStrategyItem;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentMath;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentTarget;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceConnectRules;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.service.ServiceRules;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.taskdef.TaskDefinitionStatus;
import dev.gantry.store.Page;
import dev.gantry.store.ecs.ServiceCreate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * CreateService, UpdateService, DescribeServices, ListServices, DeleteService: check and decode the request, write
 * the service's desired half (and a new deployment when what runs changes) and wake the scheduler, which does the
 * rest. Renders ECS's Service shape ({@link ServiceView}).
 */
final class ServiceHandlers {
    private final EcsContext ctx;
    private final ClusterHandlers clusters;

    ServiceHandlers(EcsContext ctx, ClusterHandlers clusters) {
        this.ctx = ctx;
        this.clusters = clusters;
    }

    JsonNode create(JsonNode in, RequestContext rc) {
        ServiceRequests.checkSupported(in, ServiceRequests.CREATE);
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        String name =
                ServiceRequests.serviceName(Input.string(in, "serviceName").orElse(null));
        ServiceRequests.schedulingStrategy(Input.string(in, "schedulingStrategy"));
        ServiceRequests.deploymentController(in);
        azRebalancing(in);
        String tdRef = Input.string(in, "taskDefinition")
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> ApiException.invalidParameter(
                        "'taskDefinition' is required: give family, family:revision or an "
                                + "ARN of the task definition the service runs."));
        TaskDefinition td = activeDefinition(tdRef);
        int desired = Input.integer(in, "desiredCount")
                .orElseThrow(() -> ApiException.invalidParameter(
                        "'desiredCount' is required for a REPLICA service: the number of tasks to keep running."));
        desiredCount(desired);
        DeploymentSettings settings = ServiceRequests.deploymentSettings(in, DeploymentSettings.DEFAULTS);
        List<CapacityProviderStrategyItem> capacity =
                ServiceRequests.capacity(in).orElse(List.of());
        DeploymentTarget target = new DeploymentTarget(
                td.taskDefinitionArn(),
                // neither given: Gantry runs everything on FARGATE, and says so (ListServices' launchType filter)
                Input.string(in, "launchType").or(() -> capacity.isEmpty() ? Optional.of("FARGATE") : Optional.empty()),
                capacity,
                ServiceRequests.network(in).orElseThrow(ServiceHandlers::networkRequired),
                Input.string(in, "platformVersion").orElse("LATEST"),
                ServiceConnectRequests.read(in, td, ctx.namespaces()));
        ServiceRequests.validateTarget(target, cluster.clusterName());
        ctx.launcher().placement().check(target.networkConfiguration());
        List<ServiceLoadBalancer> lbs =
                ServiceRequests.loadBalancers(in, td, ctx.targetGroups()).orElse(List.of());
        ServiceRules.loadBalancersFit(settings, lbs);
        List<ServiceRegistry> registries = RegistryRequests.read(in).orElse(List.of());
        RegistryRequests.check(registries, td, ctx.registries());
        List<Tag> tags = Tags.read(in);
        Optional<String> token = Input.string(in, "clientToken");
        ServiceRules.clientToken(token.orElse(null));
        Instant now = ctx.clock().instant();
        String arn = ctx.arns().service(cluster.clusterName(), name);
        ServiceSpec spec = new ServiceSpec(
                arn,
                name,
                cluster.clusterArn(),
                cluster.clusterName(),
                desired,
                lbs,
                settings,
                ServiceRequests.grace(in).orElse(0),
                ServiceRequests.propagateTags(in),
                ServiceRequests.bool(in, "enableECSManagedTags").orElse(false),
                now,
                rc == null ? "arn:aws:iam::" + ctx.arns().accountId() + ":root" : rc.principalArn(),
                registries);
        Deployment first =
                Deployment.start(DeploymentMath.deploymentId(ctx.ids()), arn, target, desired, now, Optional.empty());
        Service svc = switch (ctx.services().create(new Service(spec, ServiceStatus.ACTIVE), first, tags, token)) {
            case ServiceCreate.Created c -> c.service();
            case ServiceCreate.TokenAlreadyUsed t -> {
                if (!t.service().serviceName().equals(name)) {
                    throw ApiException.invalidParameter("The clientToken '" + token.get() + "' was already used to "
                            + "create the service " + t.service().serviceName() + ". Use a new clientToken.");
                }
                yield t.service();
            }
            case ServiceCreate.NameInUse u ->
                throw ApiException.invalidParameter("Creation of service was not "
                        + "idempotent: a service named " + name + " is already "
                        + u.service().status() + " in cluster "
                        + cluster.clusterName() + ". Use UpdateService to change it, or choose another name.");
        };
        ctx.serviceChanged().accept(arn);
        return one(svc, true);
    }

    JsonNode update(JsonNode in) {
        ServiceRequests.checkSupported(in, ServiceRequests.UPDATE);
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        Service svc = find(cluster, Input.required(in, "service"));
        if (svc.status() != ServiceStatus.ACTIVE) {
            throw ServiceErrors.notActive(svc.serviceName(), svc.status().name());
        }
        ServiceRequests.deploymentController(in);
        azRebalancing(in);
        ServiceSpec s = svc.spec();
        Deployment primary = ctx.services().deployments(s.serviceArn()).stream()
                .filter(Deployment::isPrimary)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("service without a PRIMARY deployment"));
        DeploymentTarget was = primary.target();
        TaskDefinition td = Input.string(in, "taskDefinition")
                .map(this::activeDefinition)
                .orElseGet(
                        () -> TaskDefinitionRefs.resolve(ctx.taskDefinitions(), ctx.arns(), was.taskDefinitionArn()));
        Optional<List<CapacityProviderStrategyItem>> capacity = ServiceRequests.capacity(in);
        Optional<NetworkConfiguration> network = ServiceRequests.network(in);
        DeploymentTarget target = new DeploymentTarget(
                td.taskDefinitionArn(),
                capacity.isPresent() && !capacity.get().isEmpty() ? Optional.empty() : was.launchType(),
                capacity.orElse(was.capacityProviderStrategy()),
                network.orElse(was.networkConfiguration()),
                Input.string(in, "platformVersion").orElse(was.platformVersion()),
                ServiceConnectRequests.read(in, td, ctx.namespaces())
                        .or(() -> was.serviceConnect().map(sc -> ServiceConnectRules.check(sc, td))));
        ServiceRequests.validateTarget(target, cluster.clusterName());
        network.ifPresent(ctx.launcher().placement()::check);
        Optional<List<ServiceLoadBalancer>> lbs = ServiceRequests.loadBalancers(in, td, ctx.targetGroups());
        int desired = Input.integer(in, "desiredCount").orElse(s.desiredCount());
        desiredCount(desired);
        Optional<List<ServiceRegistry>> givenRegistries = RegistryRequests.read(in);
        List<ServiceRegistry> registries = givenRegistries.orElse(s.serviceRegistries());
        if (givenRegistries.isPresent() || Input.string(in, "taskDefinition").isPresent()) {
            RegistryRequests.check(registries, td, ctx.registries()); // not for a mere desiredCount change
        }
        ServiceSpec next = new ServiceSpec(
                s.serviceArn(),
                s.serviceName(),
                s.clusterArn(),
                s.clusterName(),
                desired,
                lbs.orElse(s.loadBalancers()),
                ServiceRequests.deploymentSettings(in, s.deployment()),
                ServiceRequests.grace(in).orElse(s.healthCheckGracePeriodSeconds()),
                Input.string(in, "propagateTags").isPresent() ? ServiceRequests.propagateTags(in) : s.propagateTags(),
                ServiceRequests.bool(in, "enableECSManagedTags").orElse(s.enableECSManagedTags()),
                s.createdAt(),
                s.createdBy(),
                registries);
        ServiceRules.loadBalancersFit(next.deployment(), next.loadBalancers());
        boolean redeploy = !target.equals(was)
                || ServiceRequests.bool(in, "forceNewDeployment").orElse(false)
                || !next.loadBalancers().equals(s.loadBalancers())
                || !next.serviceRegistries().equals(s.serviceRegistries());
        Instant now = ctx.clock().instant();
        Optional<Deployment> fresh = redeploy
                ? Optional.of(Deployment.start(
                        DeploymentMath.deploymentId(ctx.ids()), s.serviceArn(), target, desired, now, Optional.empty()))
                : Optional.empty();
        if (!ctx.services().updateSpec(next, fresh, now)) {
            throw ServiceErrors.notActive(s.serviceName(), "no longer ACTIVE");
        }
        ctx.serviceChanged().accept(s.serviceArn());
        return one(new Service(next, ServiceStatus.ACTIVE), false);
    }

    JsonNode describe(JsonNode in) {
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        List<String> refs = Input.strings(in, "services");
        if (refs.isEmpty() || refs.size() > 10) {
            throw ApiException.invalidParameter("'services' must list 1 to 10 service names or ARNs.");
        }
        boolean withTags = Input.includes(in, "TAGS");
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode services = out.putArray("services");
        ArrayNode failures = out.putArray("failures");
        for (String ref : refs) {
            Optional<Service> svc = lookup(cluster, ref);
            if (svc.isPresent()) {
                services.add(render(svc.get(), withTags));
            } else {
                failures.addObject()
                        .put("arn", ref.startsWith("arn:") ? ref : ctx.arns().service(cluster.clusterName(), ref))
                        .put("reason", "MISSING");
            }
        }
        return out;
    }

    JsonNode list(JsonNode in) {
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        Input.Paging p = Input.paging(in, 10);
        Optional<String> launchType = Input.string(in, "launchType");
        boolean none =
                Input.string(in, "schedulingStrategy").filter("DAEMON"::equals).isPresent()
                        || Input.string(in, "resourceManagementType")
                                .filter("ECS"::equals)
                                .isPresent();
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode arns = out.putArray("serviceArns");
        if (none) {
            return out;
        }
        Page<Service> page = ctx.services().listActive(cluster.clusterName(), launchType, p.offset(), p.limit());
        page.items().forEach(s -> arns.add(s.serviceArn()));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    JsonNode delete(JsonNode in) {
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        Service svc = find(cluster, Input.required(in, "service"));
        if (svc.status() != ServiceStatus.ACTIVE) {
            throw ServiceErrors.notActive(svc.serviceName(), svc.status().name());
        }
        boolean force = ServiceRequests.bool(in, "force").orElse(false);
        if (!force && svc.spec().desiredCount() > 0) {
            throw ApiException.invalidParameter("The service cannot be stopped while it is scaled above 0. Set "
                    + "desiredCount to 0 with UpdateService first, or pass force to delete it anyway.");
        }
        ctx.services().markDraining(svc.serviceArn());
        ctx.serviceChanged().accept(svc.serviceArn());
        return one(new Service(svc.spec(), ServiceStatus.DRAINING), false);
    }

    /** The service a request names (name or ARN) in the cluster, whatever its status; ServiceNotFoundException. */
    Service find(Cluster cluster, String ref) {
        return lookup(cluster, ref).orElseThrow(() -> ServiceErrors.notFound(ref, cluster.clusterName()));
    }

    private Optional<Service> lookup(Cluster cluster, String ref) {
        String arn = ref;
        if (!ref.startsWith("arn:")) {
            arn = ctx.arns().service(cluster.clusterName(), ref);
        } else if (!ref.startsWith(ctx.arns().service(cluster.clusterName(), ""))) {
            return Optional.empty(); // another cluster, region or account, or a short-format ARN
        }
        return ctx.services().find(arn);
    }

    private ObjectNode one(Service svc, boolean withTags) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("service", render(svc, withTags));
        return out;
    }

    ObjectNode render(Service svc, boolean withTags) {
        String arn = svc.serviceArn();
        return ServiceView.render(
                svc,
                ctx.services().deployments(arn),
                ctx.services().events(arn),
                withTags ? Optional.of(ctx.tags().list(arn)) : Optional.empty(),
                ctx.arns().serviceDeployment(svc.spec().clusterName(), svc.serviceName(), ""));
    }

    private TaskDefinition activeDefinition(String ref) {
        TaskDefinition td = TaskDefinitionRefs.resolve(ctx.taskDefinitions(), ctx.arns(), ref);
        if (!TaskDefinitionStatus.ACTIVE.name().equals(td.status())) {
            throw ApiException.invalidParameter("TaskDefinition is inactive: " + td.taskDefinitionArn()
                    + ". Register a new revision, or use an ACTIVE one, for the service.");
        }
        return td;
    }

    private static ApiException networkRequired() {
        return ApiException.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is "
                + "specified. Gantry tasks always use awsvpc: pass networkConfiguration={awsvpcConfiguration="
                + "{subnets=[...]}}.");
    }

    private static void desiredCount(int desired) {
        ServiceRules.desiredCount(desired);
    }

    private static void azRebalancing(JsonNode in) {
        Optional<String> az = Input.string(in, "availabilityZoneRebalancing");
        if (az.isPresent() && !List.of("ENABLED", "DISABLED").contains(az.get())) {
            throw ApiException.invalidParameter("Invalid availabilityZoneRebalancing '" + az.get() + "'. Valid values "
                    + "are ENABLED and DISABLED (Gantry runs in one zone, so either has no effect).");
        }
    }
}
