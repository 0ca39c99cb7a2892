package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Renders a stored task in ECS's Task shape. */
final class TaskView {
    private TaskView() {}

    static ObjectNode render(Task t, Arns arns, Optional<List<Tag>> tags) {
        TaskSpec s = t.spec();
        TaskObserved o = t.observed();
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("taskArn", s.taskArn());
        n.put("taskDefinitionArn", s.taskDefinition().taskDefinitionArn());
        n.put("clusterArn", s.clusterArn());
        n.put("availabilityZone", arns.region() + "a");
        n.put("launchType", s.launchType());
        n.put("capacityProviderName", "FARGATE");
        n.put("platformVersion", s.platformVersion());
        n.put("platformFamily", "Linux");
        n.put("cpu", s.cpu());
        n.put("memory", s.memory());
        n.put("lastStatus", o.phase().lastStatus());
        n.put("desiredStatus", t.desired().status().name());
        n.put("healthStatus", o.healthStatus().name());
        n.put("connectivity", o.connectivityAt().isPresent() && !t.isStopped() ? "CONNECTED" : "DISCONNECTED");
        n.put("group", s.group());
        s.startedBy().ifPresent(v -> n.put("startedBy", v));
        t.desired().stopCode().ifPresent(c -> n.put("stopCode", c.name()));
        t.desired().stoppedReason().ifPresent(r -> n.put("stoppedReason", r));
        n.set("overrides", overrides(s));
        n.set("attachments", attachments(o));
        ArrayNode attrs = n.putArray("attributes");
        attrs.addObject().put("name", "ecs.cpu-architecture").put("value", "x86_64");
        ArrayNode containers = n.putArray("containers");
        for (ContainerState c : o.containers()) {
            containers.add(container(s, c, o, arns));
        }
        tags.ifPresent(list -> n.set("tags", Json.mapper().valueToTree(list)));
        n.put("enableExecuteCommand", false);
        n.put("version", t.version());
        int storage = Optional.ofNullable(s.taskDefinition().ephemeralStorage())
                .map(e -> e.get("sizeInGiB"))
                .orElse(20); // Fargate's default; recorded, not enforced (docs/compat/ecs.md)
        n.putObject("ephemeralStorage").put("sizeInGiB", storage);
        n.putObject("fargateEphemeralStorage").put("sizeInGiB", storage);
        time(n, "createdAt", Optional.of(s.createdAt()));
        time(n, "connectivityAt", o.connectivityAt());
        time(n, "pullStartedAt", o.pullStartedAt());
        time(n, "pullStoppedAt", o.pullStoppedAt());
        time(n, "startedAt", o.startedAt());
        time(n, "stoppingAt", o.stoppingAt());
        time(n, "executionStoppedAt", o.executionStoppedAt());
        time(n, "stoppedAt", o.stoppedAt());
        return n;
    }

    private static ObjectNode overrides(TaskSpec s) {
        ObjectNode n = Json.mapper().valueToTree(s.overrides());
        if (!n.has("containerOverrides")) {
            ArrayNode co = n.putArray("containerOverrides");
            s.containers().forEach(c -> co.addObject().put("name", c.name()));
        }
        if (!n.has("inferenceAcceleratorOverrides")) {
            n.putArray("inferenceAcceleratorOverrides");
        }
        return n;
    }

    private static ArrayNode attachments(TaskObserved o) {
        ArrayNode list = Json.mapper().createArrayNode();
        o.attachment().ifPresent(a -> {
            ObjectNode n = list.addObject();
            n.put("id", a.id());
            n.put("type", "ElasticNetworkInterface");
            n.put("status", a.status());
            ArrayNode d = n.putArray("details");
            detail(d, "subnetId", a.subnetId());
            detail(d, "networkInterfaceId", a.networkInterfaceId());
            detail(d, "macAddress", a.macAddress());
            detail(d, "privateDnsName", "ip-" + a.privateIPv4Address().replace('.', '-') + ".ec2.internal");
            detail(d, "privateIPv4Address", a.privateIPv4Address());
        });
        return list;
    }

    private static void detail(ArrayNode d, String name, String value) {
        d.addObject().put("name", name).put("value", value);
    }

    private static ObjectNode container(TaskSpec s, ContainerState c, TaskObserved o, Arns arns) {
        ObjectNode n = Json.mapper().createObjectNode();
        Optional<ContainerDefinition> def = s.container(c.name());
        n.put("containerArn", arns.container(s.clusterName(), s.taskId(), c.containerId()));
        n.put("taskArn", s.taskArn());
        n.put("name", c.name());
        def.ifPresent(d -> n.put("image", d.image()));
        c.imageDigest().ifPresent(v -> n.put("imageDigest", v));
        c.runtimeId().ifPresent(v -> n.put("runtimeId", v));
        n.put("lastStatus", c.lastStatus().name());
        c.exitCode().ifPresent(v -> n.put("exitCode", v));
        c.reason().ifPresent(v -> n.put("reason", v));
        n.putArray("networkBindings");
        ArrayNode nics = n.putArray("networkInterfaces");
        o.attachment()
                .map(NetworkAttachment::privateIPv4Address)
                .ifPresent(ip -> nics.addObject()
                        .put("attachmentId", o.attachment().get().id())
                        .put("privateIpv4Address", ip));
        n.put("healthStatus", c.healthStatus().name());
        def.ifPresent(d -> {
            n.put("cpu", String.valueOf(d.cpu() == null ? 0 : d.cpu()));
            if (d.memory() != null) {
                n.put("memory", String.valueOf(d.memory()));
            }
            if (d.memoryReservation() != null) {
                n.put("memoryReservation", String.valueOf(d.memoryReservation()));
            }
        });
        return n;
    }

    private static void time(ObjectNode n, String name, Optional<Instant> at) {
        at.ifPresent(i -> n.set(name, Json.mapper().valueToTree(i)));
    }
}
