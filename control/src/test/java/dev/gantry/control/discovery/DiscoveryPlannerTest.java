package dev.gantry.control.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.discovery.DiscoveryAction.Deregister;
import dev.gantry.control.discovery.DiscoveryAction.Register;
import dev.gantry.control.discovery.DiscoveryAction.SetHealth;
import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskDesired;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.HealthCheck;
import dev.gantry.core.taskdef.TaskDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table test of the discovery planner: one row per situation, the actions it must give. */
class DiscoveryPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String REG = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-backend";
    private static final String OLD = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-old";
    private static final DiscoveryRegistry.Registry A_ONLY =
            new DiscoveryRegistry.Registry(REG, "srv-backend", true, false, false);
    private static final DiscoveryRegistry.Registry CUSTOM =
            new DiscoveryRegistry.Registry(REG, "srv-backend", true, false, true);
    private static final ServiceRegistry PLAIN =
            new ServiceRegistry(REG, Optional.empty(), Optional.empty(), Optional.empty());
    private static final ServiceRegistry SRV =
            new ServiceRegistry(REG, Optional.empty(), Optional.of("app"), Optional.of(8080));

    /** One row: the situation and the expected actions. */
    record Row(
            String name,
            List<ServiceRegistry> regs,
            DiscoveryRegistry.Registry known,
            List<Task> tasks,
            List<DiscoveryRegistry.Instance> registered,
            List<DiscoveryAction> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        Task running = task(1, false, TaskPhase.RUNNING, HealthStatus.UNKNOWN, UnaryOperator.identity());
        Task starting = task(2, false, TaskPhase.STARTING, HealthStatus.UNKNOWN, UnaryOperator.identity());
        Task checkedUnknown = task(3, true, TaskPhase.RUNNING, HealthStatus.UNKNOWN, UnaryOperator.identity());
        Task checkedHealthy = task(4, true, TaskPhase.RUNNING, HealthStatus.HEALTHY, UnaryOperator.identity());
        Task checkedUnhealthy = task(5, true, TaskPhase.RUNNING, HealthStatus.UNHEALTHY, UnaryOperator.identity());
        Task toldToStop = task(
                6,
                false,
                TaskPhase.RUNNING,
                HealthStatus.UNKNOWN,
                t -> new Task(
                        t.spec(),
                        TaskDesired.stopped(StopCode.ServiceSchedulerInitiated, "scaled in", NOW),
                        t.observed(),
                        2));
        Task stopping = task(7, false, TaskPhase.STOPPING, HealthStatus.UNKNOWN, UnaryOperator.identity());
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(
                "a RUNNING task without health checks is registered with ECS's attributes",
                List.of(PLAIN),
                A_ONLY,
                List.of(running),
                List.of(),
                List.of(new Register(REG, running.taskId(), attrs(running, Optional.empty())))));
        rows.add(new Row(
                "the SRV port (containerPort) is AWS_INSTANCE_PORT",
                List.of(SRV),
                A_ONLY,
                List.of(running),
                List.of(),
                List.of(new Register(REG, running.taskId(), attrs(running, Optional.of("8080"))))));
        rows.add(new Row(
                "a task not yet RUNNING is not registered",
                List.of(PLAIN),
                A_ONLY,
                List.of(starting),
                List.of(),
                List.of()));
        rows.add(new Row(
                "a health-checked task is registered only once HEALTHY",
                List.of(PLAIN),
                A_ONLY,
                List.of(checkedUnknown, checkedHealthy, checkedUnhealthy),
                List.of(),
                List.of(new Register(REG, checkedHealthy.taskId(), attrs(checkedHealthy, Optional.empty())))));
        rows.add(new Row(
                "a registered task is left alone",
                List.of(PLAIN),
                A_ONLY,
                List.of(running),
                List.of(held(REG, running, true)),
                List.of()));
        rows.add(new Row(
                "a task told to stop is deregistered while still RUNNING (before its containers stop)",
                List.of(PLAIN),
                A_ONLY,
                List.of(toldToStop),
                List.of(held(REG, toldToStop, true)),
                List.of(new Deregister(REG, toldToStop.taskId()))));
        rows.add(new Row(
                "a stopping task is deregistered and not registered again",
                List.of(PLAIN),
                A_ONLY,
                List.of(stopping),
                List.of(held(REG, stopping, true)),
                List.of(new Deregister(REG, stopping.taskId()))));
        rows.add(new Row(
                "an instance whose task is gone is deregistered",
                List.of(PLAIN),
                A_ONLY,
                List.of(),
                List.of(held(REG, running, true)),
                List.of(new Deregister(REG, running.taskId()))));
        rows.add(new Row(
                "an instance in a registry the service no longer names is deregistered, the new one filled",
                List.of(PLAIN),
                A_ONLY,
                List.of(running),
                List.of(held(OLD, running, true)),
                List.of(
                        new Deregister(OLD, running.taskId()),
                        new Register(REG, running.taskId(), attrs(running, Optional.empty())))));
        rows.add(new Row(
                "a service without registries (INACTIVE, or they were removed) deregisters everything",
                List.of(),
                null,
                List.of(running),
                List.of(held(REG, running, true)),
                List.of(new Deregister(REG, running.taskId()))));
        rows.add(new Row(
                "custom health: a registered task turning UNHEALTHY gets its health set",
                List.of(PLAIN),
                CUSTOM,
                List.of(checkedUnhealthy),
                List.of(held(REG, checkedUnhealthy, true)),
                List.of(new SetHealth(REG, checkedUnhealthy.taskId(), false))));
        rows.add(new Row(
                "custom health: HEALTHY again is set back",
                List.of(PLAIN),
                CUSTOM,
                List.of(checkedHealthy),
                List.of(held(REG, checkedHealthy, false)),
                List.of(new SetHealth(REG, checkedHealthy.taskId(), true))));
        rows.add(new Row(
                "no custom health: a registered task turning UNHEALTHY is deregistered",
                List.of(PLAIN),
                A_ONLY,
                List.of(checkedUnhealthy),
                List.of(held(REG, checkedUnhealthy, true)),
                List.of(new Deregister(REG, checkedUnhealthy.taskId()))));
        rows.add(new Row(
                "an instance another service (or a person) registered is left alone",
                List.of(PLAIN),
                A_ONLY,
                List.of(running),
                List.of(
                        new DiscoveryRegistry.Instance(REG, "by-hand", Map.of("AWS_INSTANCE_IPV4", "10.1.1.1"), true),
                        new DiscoveryRegistry.Instance(
                                REG,
                                "frontend-task",
                                Map.of("ECS_CLUSTER_NAME", "default", "ECS_SERVICE_NAME", "frontend"),
                                true)),
                List.of(new Register(REG, running.taskId(), attrs(running, Optional.empty())))));
        rows.add(new Row(
                "a registry deleted from Cloud Map gets no registrations",
                List.of(PLAIN),
                null,
                List.of(running),
                List.of(),
                List.of()));
        return rows.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(Row row) {
        DiscoveryState s = new DiscoveryState(
                "default",
                "backend",
                "us-east-1",
                row.regs(),
                row.known() == null ? Map.of() : Map.of(REG, row.known()),
                row.tasks(),
                row.registered());
        assertThat(new DiscoveryPlanner().plan(s)).containsExactlyElementsOf(row.expected());
    }

    private static Map<String, String> attrs(Task t, Optional<String> port) {
        Map<String, String> a = new java.util.LinkedHashMap<>();
        a.put("AWS_INSTANCE_IPV4", t.observed().attachment().orElseThrow().privateIPv4Address());
        port.ifPresent(p -> a.put("AWS_INSTANCE_PORT", p));
        a.put("AWS_INIT_HEALTH_STATUS", "HEALTHY");
        a.put("ECS_CLUSTER_NAME", "default");
        a.put("ECS_SERVICE_NAME", "backend");
        a.put("ECS_TASK_DEFINITION_FAMILY", "backend");
        a.put("AVAILABILITY_ZONE", "us-east-1a");
        a.put("REGION", "us-east-1");
        return a;
    }

    private static DiscoveryRegistry.Instance held(String registry, Task t, boolean healthy) {
        return new DiscoveryRegistry.Instance(
                registry, t.taskId(), Map.of("ECS_CLUSTER_NAME", "default", "ECS_SERVICE_NAME", "backend"), healthy);
    }

    private static Task task(int seq, boolean checked, TaskPhase phase, HealthStatus h, UnaryOperator<Task> change) {
        String id = String.format("%032x", seq);
        TaskSpec spec = new TaskSpec(
                "arn:aws:ecs:us-east-1:000000000000:task/default/" + id,
                id,
                "arn:aws:ecs:us-east-1:000000000000:cluster/default",
                "default",
                definition(checked),
                "256",
                "512",
                "service:backend",
                Optional.of("ecs-svc/1"),
                "FARGATE",
                "1.4.0",
                Map.of(),
                List.of(),
                NOW);
        TaskObserved o = TaskObserved.initial(List.of())
                .withPhase(phase)
                .withHealth(h)
                .withAttachment(new NetworkAttachment("a", "ATTACHED", "10.0.0." + seq, "m", "s", "eni"));
        return change.apply(new Task(spec, TaskDesired.running(), o, 1));
    }

    private static TaskDefinition definition(boolean checked) {
        HealthCheck check = checked ? new HealthCheck(List.of("CMD", "true"), 5, 2, 3, null) : null;
        ContainerDefinition c = new ContainerDefinition(
                "app", "app:1", null, null, null, null, true, null, null, null, null, null, null, check, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new TaskDefinition(
                "arn:aws:ecs:us-east-1:000000000000:task-definition/backend:1",
                "backend",
                1,
                List.of(c),
                null,
                null,
                "awsvpc",
                null,
                null,
                "256",
                "512",
                "ACTIVE",
                null,
                null,
                null,
                null,
                null,
                NOW,
                null,
                null,
                null,
                null,
                null);
    }
}
