package dev.gantry.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Small readings of SDK model objects that several commands need. Pure; absent values come back empty. */
final class TaskFacts {
    static final String RUNNING = "RUNNING";
    static final String STOPPED = "STOPPED";
    static final String NONE = "-";

    private TaskFacts() {}

    /** {@code arn:...:task-definition/web:3} → {@code web:3}. */
    static String definition(String taskDefinitionArn) {
        if (taskDefinitionArn == null) {
            return NONE;
        }
        int slash = taskDefinitionArn.lastIndexOf('/');
        return taskDefinitionArn.substring(slash + 1);
    }

    static boolean isStopped(Task task) {
        return STOPPED.equals(task.lastStatus());
    }

    static boolean isRunningOrStopped(Task task) {
        return RUNNING.equals(task.lastStatus()) || isStopped(task);
    }

    /** The task's private IPv4 address: from its network attachment, else from a container's interface. */
    static Optional<String> ip(Task task) {
        for (Attachment a : task.attachments()) {
            for (KeyValuePair d : a.details()) {
                if ("privateIPv4Address".equals(d.name())
                        && d.value() != null
                        && !d.value().isBlank()) {
                    return Optional.of(d.value());
                }
            }
        }
        for (Container c : task.containers()) {
            for (NetworkInterface n : c.networkInterfaces()) {
                if (n.privateIpv4Address() != null && !n.privateIpv4Address().isBlank()) {
                    return Optional.of(n.privateIpv4Address());
                }
            }
        }
        return Optional.empty();
    }

    /** Container ports the definition maps, as {@code 8080/tcp}, in definition order, without repeats. */
    static List<String> ports(TaskDefinition def) {
        Set<String> ports = new LinkedHashSet<>();
        for (ContainerDefinition c : def.containerDefinitions()) {
            for (PortMapping p : c.portMappings()) {
                String protocol = p.protocol() == null ? "tcp" : p.protocolAsString();
                if (p.containerPort() != null) {
                    ports.add(p.containerPort() + "/" + protocol);
                } else if (p.containerPortRange() != null) {
                    ports.add(p.containerPortRange() + "/" + protocol);
                }
            }
        }
        return List.copyOf(ports);
    }

    /** Names of the essential containers ({@code essential} defaults to true in ECS). */
    static Set<String> essentialContainers(TaskDefinition def) {
        Set<String> names = new LinkedHashSet<>();
        for (ContainerDefinition c : def.containerDefinitions()) {
            if (c.essential() == null || c.essential()) {
                names.add(c.name());
            }
        }
        return Set.copyOf(names);
    }

    /** The distinct images of the task's containers, in order. */
    static List<String> images(Task task) {
        return task.containers().stream()
                .map(Container::image)
                .filter(i -> i != null && !i.isBlank())
                .distinct()
                .toList();
    }

    static String orNone(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }
}
