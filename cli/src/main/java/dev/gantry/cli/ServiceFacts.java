package dev.gantry.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/** Small readings of ECS services and deployments shared by {@code services} and {@code deploy}. Pure. */
final class ServiceFacts {
    static final String PRIMARY = "PRIMARY";

    private ServiceFacts() {}

    /** Deployments PRIMARY first, then the others newest first (ECS's own order, made explicit). */
    static List<Deployment> deployments(Service s) {
        return s.deployments().stream()
                .sorted(Comparator.comparing((Deployment d) -> !PRIMARY.equals(d.status()))
                        .thenComparing(Deployment::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    static Optional<Deployment> primary(Service s) {
        return s.deployments().stream().filter(d -> PRIMARY.equals(d.status())).findFirst();
    }

    /**
     * {@code web:5 PRIMARY IN_PROGRESS 2/4 running, 1 pending, 3 failed}: revision, status, rolloutState (when
     * reported), running of desired, pending and failed tasks when there are any.
     */
    static String deployment(Deployment d) {
        StringBuilder sb = new StringBuilder(TaskFacts.definition(d.taskDefinition()));
        sb.append(' ').append(TaskFacts.orNone(d.status()));
        if (d.rolloutState() != null) {
            sb.append(' ').append(d.rolloutStateAsString());
        }
        sb.append(' ').append(count(d.runningCount())).append('/').append(count(d.desiredCount()));
        sb.append(" running");
        if (count(d.pendingCount()) > 0) {
            sb.append(", ").append(d.pendingCount()).append(" pending");
        }
        if (count(d.failedTasks()) > 0) {
            sb.append(", ").append(d.failedTasks()).append(" failed");
        }
        return sb.toString();
    }

    /** The event's message without ECS's {@code (service NAME) } prefix, which is redundant beside the name. */
    static String message(ServiceEvent e, String serviceName) {
        String m = e.message() == null ? "" : e.message();
        String prefix = "(service " + serviceName + ") ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Events newest first (ECS sends them so; sorted here in case a server does not), at most {@code n}. */
    static List<ServiceEvent> newestEvents(Service s, int n) {
        return s.events().stream()
                .sorted(Comparator.comparing(ServiceEvent::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(Math.max(0, n))
                .toList();
    }

    /** {@code ROLLING, min 100% max 200%, circuit breaker with rollback}. */
    static String strategy(Service s) {
        DeploymentConfiguration c = s.deploymentConfiguration();
        String controller = s.deploymentController() == null
                ? "ECS"
                : TaskFacts.orNone(s.deploymentController().typeAsString());
        if (c == null) {
            return controller;
        }
        StringBuilder sb = new StringBuilder(c.strategy() == null ? "ROLLING" : c.strategyAsString());
        if (!"ECS".equals(controller)) {
            sb.insert(0, controller + " ");
        }
        if (c.minimumHealthyPercent() != null || c.maximumPercent() != null) {
            sb.append(", min ")
                    .append(TaskFacts.orNone(c.minimumHealthyPercent()))
                    .append("% max ")
                    .append(TaskFacts.orNone(c.maximumPercent()))
                    .append('%');
        }
        if (c.bakeTimeInMinutes() != null) {
            sb.append(", bake ").append(c.bakeTimeInMinutes()).append("m");
        }
        var breaker = c.deploymentCircuitBreaker();
        if (breaker != null && Boolean.TRUE.equals(breaker.enable())) {
            sb.append(", circuit breaker").append(Boolean.TRUE.equals(breaker.rollback()) ? " with rollback" : "");
        }
        return sb.toString();
    }

    static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
