package dev.gantry.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/** What {@code gantry services} prints: the table of a cluster's services, or one service in detail. Pure. */
final class ServiceView {
    static final int LAST_EVENT_WIDTH = 60;

    private ServiceView() {}

    /** One row per service; the deployments cell lists every deployment, PRIMARY first. */
    static Table table(List<Service> services, Instant now) {
        Table t = Table.of(
                "SERVICE", "STATUS", "DESIRED", "RUNNING", "PENDING", "DEFINITION", "DEPLOYMENTS", "LAST EVENT");
        for (Service s : services) {
            t = t.row(
                    s.serviceName(),
                    TaskFacts.orNone(s.status()),
                    Integer.toString(ServiceFacts.count(s.desiredCount())),
                    Integer.toString(ServiceFacts.count(s.runningCount())),
                    Integer.toString(ServiceFacts.count(s.pendingCount())),
                    TaskFacts.definition(s.taskDefinition()),
                    deploymentsCell(s),
                    lastEvent(s, now));
        }
        return t;
    }

    /** The whole block for one service, with its last {@code events} events, newest first. */
    static String detail(Service s, int events, Instant now, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        field(sb, "Service", s.serviceName());
        field(sb, "ARN", TaskFacts.orNone(s.serviceArn()));
        field(sb, "Status", TaskFacts.orNone(s.status()));
        field(sb, "Definition", TaskFacts.definition(s.taskDefinition()));
        field(
                sb,
                "Tasks",
                ServiceFacts.count(s.desiredCount()) + " desired, " + ServiceFacts.count(s.runningCount())
                        + " running, " + ServiceFacts.count(s.pendingCount()) + " pending");
        field(sb, "Launch", launch(s));
        field(sb, "Deployment", ServiceFacts.strategy(s));
        if (s.healthCheckGracePeriodSeconds() != null && s.healthCheckGracePeriodSeconds() > 0) {
            field(sb, "Grace", s.healthCheckGracePeriodSeconds() + "s (health checks ignored after a task starts)");
        }
        if (s.createdAt() != null) {
            field(
                    sb,
                    "Created",
                    Durations.local(s.createdAt(), zone) + " (" + Durations.age(s.createdAt(), now) + " ago)");
        }

        sb.append("\nDeployments:\n");
        Table d =
                Table.of("ID", "STATUS", "DEFINITION", "ROLLOUT", "DESIRED", "RUNNING", "PENDING", "FAILED", "UPDATED");
        for (Deployment x : ServiceFacts.deployments(s)) {
            d = d.row(
                    TaskFacts.orNone(x.id()),
                    TaskFacts.orNone(x.status()),
                    TaskFacts.definition(x.taskDefinition()),
                    TaskFacts.orNone(x.rolloutStateAsString()),
                    Integer.toString(ServiceFacts.count(x.desiredCount())),
                    Integer.toString(ServiceFacts.count(x.runningCount())),
                    Integer.toString(ServiceFacts.count(x.pendingCount())),
                    Integer.toString(ServiceFacts.count(x.failedTasks())),
                    x.updatedAt() == null ? TaskFacts.NONE : Durations.age(x.updatedAt(), now) + " ago");
        }
        sb.append(d.isEmpty() ? "  none\n" : indent(d.render()));
        for (Deployment x : ServiceFacts.deployments(s)) {
            if (x.rolloutStateReason() != null && !x.rolloutStateReason().isBlank()) {
                sb.append("  ")
                        .append(x.id())
                        .append(": ")
                        .append(x.rolloutStateReason())
                        .append('\n');
            }
        }

        if (!s.loadBalancers().isEmpty()) {
            sb.append("\nLoad balancers:\n");
            Table lb = Table.of("TARGET GROUP", "CONTAINER", "PORT", "ALTERNATE TARGET GROUP");
            for (LoadBalancer l : s.loadBalancers()) {
                lb = lb.row(
                        l.targetGroupArn() == null ? TaskFacts.orNone(l.loadBalancerName()) : l.targetGroupArn(),
                        TaskFacts.orNone(l.containerName()),
                        TaskFacts.orNone(l.containerPort()),
                        l.advancedConfiguration() == null
                                ? TaskFacts.NONE
                                : TaskFacts.orNone(l.advancedConfiguration().alternateTargetGroupArn()));
            }
            sb.append(indent(lb.render()));
        }

        List<ServiceEvent> last = ServiceFacts.newestEvents(s, events);
        sb.append("\nEvents (newest first");
        sb.append(
                s.events().size() > last.size()
                        ? ", last " + last.size() + " of " + s.events().size()
                        : "");
        sb.append("):\n");
        if (last.isEmpty()) {
            sb.append("  none\n");
        }
        for (ServiceEvent e : last) {
            sb.append("  ")
                    .append(e.createdAt() == null ? TaskFacts.NONE : Durations.local(e.createdAt(), zone))
                    .append("  ")
                    .append(ServiceFacts.message(e, s.serviceName()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String deploymentsCell(Service s) {
        List<Deployment> ds = ServiceFacts.deployments(s);
        if (ds.isEmpty()) {
            return TaskFacts.NONE;
        }
        return ds.stream().map(ServiceFacts::deployment).collect(Collectors.joining("; "));
    }

    private static String lastEvent(Service s, Instant now) {
        List<ServiceEvent> last = ServiceFacts.newestEvents(s, 1);
        if (last.isEmpty()) {
            return TaskFacts.NONE;
        }
        ServiceEvent e = last.get(0);
        String m = ServiceFacts.message(e, s.serviceName());
        if (m.codePointCount(0, m.length()) > LAST_EVENT_WIDTH) {
            m = m.substring(0, m.offsetByCodePoints(0, LAST_EVENT_WIDTH - 1)) + "…";
        }
        return e.createdAt() == null ? m : Durations.age(e.createdAt(), now) + " ago: " + m;
    }

    private static String launch(Service s) {
        if (!s.capacityProviderStrategy().isEmpty()) {
            return s.capacityProviderStrategy().stream()
                    .map(c -> c.capacityProvider() + (c.weight() == null ? "" : " weight " + c.weight()))
                    .collect(Collectors.joining(", "));
        }
        return TaskFacts.orNone(s.launchTypeAsString());
    }

    private static void field(StringBuilder sb, String name, String value) {
        String label = name + ":";
        sb.append(label)
                .append(" ".repeat(Math.max(1, 12 - label.length())))
                .append(value)
                .append('\n');
    }

    private static String indent(String block) {
        return block.lines().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }
}
