package dev.gantry.api.taskmeta;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.endpoint.TaskEndpoints;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Task;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.PortMapping;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The task metadata endpoint's JSON (v4, which v3 also serves), built from a task as the index holds it: the
 * field names and formats of Fargate's responses (timestamps RFC 3339 strings, task {@code Limits.CPU} in vCPUs,
 * {@code Revision} a string, one awsvpc network per container with the task's IP).
 */
final class MetadataViews {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Fargate's ephemeral storage default, in MiB (what a task without {@code ephemeralStorage} has). */
    static final long DEFAULT_EPHEMERAL_MIB = 20L * 1024;

    private final Arns arns;

    MetadataViews(Arns arns) {
        this.arns = arns;
    }

    ObjectNode task(Task task, Optional<TaskEndpoints.Bridge> bridge, Instant now) {
        ObjectNode n = JSON.createObjectNode();
        var s = task.spec();
        n.put("Cluster", s.clusterArn());
        n.put("TaskARN", s.taskArn());
        n.put("Family", s.family());
        n.put("Revision", String.valueOf(s.taskDefinition().revision()));
        n.put("DesiredStatus", task.desired().status().name());
        n.put("KnownStatus", task.observed().phase().lastStatus());
        ObjectNode limits = n.putObject("Limits");
        limits.put(
                "CPU", new BigDecimal(s.cpu()).divide(BigDecimal.valueOf(1024)).doubleValue());
        limits.put("Memory", Long.parseLong(s.memory()));
        task.observed().pullStartedAt().ifPresent(t -> n.put("PullStartedAt", t.toString()));
        task.observed().pullStoppedAt().ifPresent(t -> n.put("PullStoppedAt", t.toString()));
        task.observed().executionStoppedAt().ifPresent(t -> n.put("ExecutionStoppedAt", t.toString()));
        n.put("AvailabilityZone", availabilityZone());
        n.put("LaunchType", "FARGATE");
        ArrayNode containers = n.putArray("Containers");
        for (ContainerDefinition c : s.containers()) {
            containers.add(container(task, c.name(), bridge));
        }
        ObjectNode drift = n.putObject("ClockDrift");
        drift.put("ClockErrorBound", 0.5);
        drift.put("ReferenceTimestamp", now.toString());
        drift.put("ClockSynchronizationStatus", "SYNCHRONIZED");
        ObjectNode storage = n.putObject("EphemeralStorageMetrics");
        storage.put("Utilized", 0);
        storage.put("Reserved", DEFAULT_EPHEMERAL_MIB);
        return n;
    }

    ObjectNode container(Task task, String name, Optional<TaskEndpoints.Bridge> bridge) {
        var s = task.spec();
        ContainerDefinition def = s.container(name).orElseThrow();
        Optional<ContainerState> state = task.observed().container(name);
        ObjectNode n = JSON.createObjectNode();
        n.put("DockerId", state.flatMap(ContainerState::runtimeId).orElse(""));
        n.put("Name", name);
        n.put("DockerName", name);
        n.put("Image", def.image());
        state.flatMap(ContainerState::imageDigest).ifPresent(d -> n.put("ImageID", d));
        if (def.portMappings() != null && !def.portMappings().isEmpty()) {
            ArrayNode ports = n.putArray("Ports");
            for (PortMapping p : def.portMappings()) {
                ObjectNode port = ports.addObject();
                port.put("ContainerPort", p.containerPort());
                port.put("Protocol", p.protocolOrDefault());
                port.put("HostPort", p.hostPort() == null ? p.containerPort() : p.hostPort());
            }
        }
        ObjectNode labels = n.putObject("Labels");
        if (def.dockerLabels() != null) {
            def.dockerLabels().forEach(labels::put);
        }
        labels.put("com.amazonaws.ecs.cluster", s.clusterArn());
        labels.put("com.amazonaws.ecs.container-name", name);
        labels.put("com.amazonaws.ecs.task-arn", s.taskArn());
        labels.put("com.amazonaws.ecs.task-definition-family", s.family());
        labels.put(
                "com.amazonaws.ecs.task-definition-version",
                String.valueOf(s.taskDefinition().revision()));
        n.put("DesiredStatus", task.desired().status().name());
        n.put("KnownStatus", state.map(c -> c.lastStatus().name()).orElse("PENDING"));
        state.flatMap(ContainerState::exitCode).ifPresent(code -> n.put("ExitCode", code));
        ObjectNode limits = n.putObject("Limits");
        limits.put("CPU", def.cpu() == null ? 0 : def.cpu());
        limits.put("Memory", def.memory() == null ? Long.parseLong(s.memory()) : def.memory());
        n.put("CreatedAt", task.observed().pullStoppedAt().orElse(s.createdAt()).toString());
        state.flatMap(ContainerState::startedAt).ifPresent(t -> n.put("StartedAt", t.toString()));
        state.flatMap(ContainerState::finishedAt).ifPresent(t -> n.put("FinishedAt", t.toString()));
        n.put("Type", "NORMAL");
        if (def.healthCheck() != null && state.isPresent()) {
            n.putObject("Health").put("status", state.get().healthStatus().name());
        }
        state.ifPresent(c -> n.put("ContainerARN", arns.container(s.clusterName(), s.taskId(), c.containerId())));
        if (def.logConfiguration() != null) {
            n.put("LogDriver", def.logConfiguration().logDriver());
            ObjectNode options = n.putObject("LogOptions");
            Map<String, String> given = def.logConfiguration().options();
            if (given != null) {
                given.forEach(options::put);
            }
            if ("awslogs".equals(def.logConfiguration().logDriver())) {
                options.put(
                        "awslogs-stream",
                        def.logConfiguration().option("awslogs-stream-prefix").orElse("ecs") + "/" + name + "/"
                                + s.taskId());
            }
        }
        ArrayNode networks = n.putArray("Networks");
        task.observed().attachment().ifPresent(a -> networks.add(network(a, bridge)));
        return n;
    }

    private ObjectNode network(NetworkAttachment a, Optional<TaskEndpoints.Bridge> bridge) {
        ObjectNode n = JSON.createObjectNode();
        n.put("NetworkMode", "awsvpc");
        n.putArray("IPv4Addresses").add(a.privateIPv4Address());
        n.put("AttachmentIndex", 0);
        n.put("MACAddress", a.macAddress());
        bridge.ifPresent(b -> {
            n.put("IPv4SubnetCIDRBlock", b.subnetCidr());
            String prefix = b.subnetCidr().contains("/")
                    ? b.subnetCidr().substring(b.subnetCidr().indexOf('/'))
                    : "";
            n.put("SubnetGatewayIpv4Address", b.gateway() + prefix);
        });
        n.put("PrivateDNSName", privateDnsName(a.privateIPv4Address()));
        return n;
    }

    /** EC2's private DNS name for an IP: {@code ip-10-0-0-5.ec2.internal} in us-east-1, else the region's. */
    String privateDnsName(String ip) {
        String host = "ip-" + ip.replace('.', '-');
        return "us-east-1".equals(arns.region())
                ? host + ".ec2.internal"
                : host + "." + arns.region() + ".compute.internal";
    }

    String availabilityZone() {
        return arns.region() + "a";
    }
}
