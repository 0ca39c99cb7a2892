package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentMath;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.DeploymentTarget;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceEvent;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.tag.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Renders services and their deployments in ECS's shapes (botocore's Service, Deployment, ServiceEvent). */
final class ServiceView {
    private ServiceView() {}

    static ObjectNode render(
            Service svc, List<Deployment> all, List<ServiceEvent> events, Optional<List<Tag>> tags, String arnOf) {
        ServiceSpec s = svc.spec();
        List<Deployment> shown = all.stream()
                .filter(d -> d.status() != DeploymentStatus.INACTIVE)
                .toList();
        Optional<Deployment> primary =
                shown.stream().filter(Deployment::isPrimary).findFirst();
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("serviceArn", s.serviceArn());
        n.put("serviceName", s.serviceName());
        n.put("clusterArn", s.clusterArn());
        ArrayNode lbs = n.putArray("loadBalancers");
        for (ServiceLoadBalancer lb : s.loadBalancers()) {
            ObjectNode o = lbs.addObject()
                    .put("targetGroupArn", lb.targetGroupArn())
                    .put("containerName", lb.containerName())
                    .put("containerPort", lb.containerPort());
            lb.advanced().ifPresent(a -> StrategyView.advanced(o, a));
        }
        ArrayNode regs = n.putArray("serviceRegistries");
        for (ServiceRegistry r : s.serviceRegistries()) {
            ObjectNode o = regs.addObject().put("registryArn", r.registryArn());
            r.port().ifPresent(p -> o.put("port", p));
            r.containerName().ifPresent(c -> o.put("containerName", c));
            r.containerPort().ifPresent(p -> o.put("containerPort", p));
        }
        n.put("status", svc.status().name());
        n.put("desiredCount", s.desiredCount());
        n.put("runningCount", shown.stream().mapToInt(Deployment::runningCount).sum());
        n.put("pendingCount", shown.stream().mapToInt(Deployment::pendingCount).sum());
        Optional<Deployment> latest = primary.or(() -> all.stream().findFirst());
        latest.ifPresent(d -> {
            target(n, d.target());
            n.put("taskDefinition", d.target().taskDefinitionArn());
        });
        n.set("deploymentConfiguration", deploymentConfiguration(s.deployment()));
        n.putArray("taskSets");
        ArrayNode deps = n.putArray("deployments");
        shown.forEach(d -> deps.add(deployment(d)));
        ArrayNode ev = n.putArray("events");
        for (ServiceEvent e : events) {
            ObjectNode o = ev.addObject().put("id", e.id());
            time(o, "createdAt", e.createdAt());
            o.put("message", e.message());
        }
        time(n, "createdAt", s.createdAt());
        primary.ifPresent(p -> n.put("currentServiceDeployment", arnOf + DeploymentMath.deploymentNumber(p.id())));
        n.putArray("placementConstraints");
        n.putArray("placementStrategy");
        n.put("healthCheckGracePeriodSeconds", s.healthCheckGracePeriodSeconds());
        n.put("schedulingStrategy", "REPLICA");
        n.putObject("deploymentController").put("type", "ECS");
        n.put("createdBy", s.createdBy());
        n.put("enableECSManagedTags", s.enableECSManagedTags());
        n.put("propagateTags", s.propagateTags().orElse("NONE"));
        n.put("enableExecuteCommand", false);
        n.put("resourceManagementType", "CUSTOMER");
        tags.ifPresent(t -> n.set("tags", Json.mapper().valueToTree(t)));
        return n;
    }

    static ObjectNode deploymentConfiguration(DeploymentSettings d) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.putObject("deploymentCircuitBreaker")
                .put("enable", d.circuitBreakerEnabled())
                .put("rollback", d.rollback());
        n.put("maximumPercent", d.maximumPercent());
        n.put("minimumHealthyPercent", d.minimumHealthyPercent());
        StrategyView.strategy(n, d.shift());
        return n;
    }

    static ObjectNode deployment(Deployment d) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", d.id());
        n.put("status", d.status().name());
        n.put("taskDefinition", d.target().taskDefinitionArn());
        n.put("desiredCount", d.desiredCount());
        n.put("pendingCount", d.pendingCount());
        n.put("runningCount", d.runningCount());
        n.put("failedTasks", d.failedTasks());
        time(n, "createdAt", d.createdAt());
        time(n, "updatedAt", d.updatedAt());
        target(n, d.target());
        n.put("rolloutState", d.rolloutState().name());
        n.put("rolloutStateReason", d.rolloutStateReason());
        d.target().serviceConnect().ifPresent(sc -> ServiceConnectView.render(n, sc));
        return n;
    }

    private static void target(ObjectNode n, DeploymentTarget t) {
        t.launchType().ifPresent(l -> n.put("launchType", l));
        if (!t.capacityProviderStrategy().isEmpty()) {
            n.set("capacityProviderStrategy", Json.mapper().valueToTree(t.capacityProviderStrategy()));
        }
        n.put("platformVersion", t.platformVersion());
        n.put("platformFamily", "Linux");
        n.set("networkConfiguration", Json.mapper().valueToTree(t.networkConfiguration()));
    }

    static void time(ObjectNode n, String name, Instant at) {
        n.set(name, Json.mapper().valueToTree(at));
    }
}
