package dev.gantry.control.endpoint;

import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.testing.TaskDefs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks as the endpoint's index holds them: launched, with a sandbox IP. */
final class EndpointFixtures {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    private EndpointFixtures() {}

    static Task task(String ip, Optional<String> role) {
        TaskDefs.Task def =
                TaskDefs.task().registered("arn:aws:ecs:us-east-1:000000000000:task-definition/app:1", 1, T0);
        def.taskRoleArn = role.orElse(null);
        def.add("sidecar");
        TaskDefinition td = def.build();
        Task t = TaskFactory.create(
                        new TaskFactory.Launch(
                                "arn:aws:ecs:us-east-1:000000000000:cluster/default",
                                "default",
                                td,
                                1,
                                "family:app",
                                Optional.empty(),
                                Map.of(),
                                List.of()),
                        new Arns("us-east-1", "000000000000"),
                        IdSource.random(),
                        T0)
                .get(0);
        return new Task(
                t.spec(),
                t.desired(),
                t.observed()
                        .withSandbox(
                                "sandbox-" + ip,
                                new NetworkAttachment("att", "ATTACHED", ip, "02:42:ac:11:00:02", "subnet-1", "eni-1"),
                                T0)
                        .withPhase(TaskPhase.RUNNING),
                t.version() + 1);
    }

    static Task stopped(Task t) {
        return new Task(t.spec(), t.desired(), t.observed().withPhase(TaskPhase.STOPPED), t.version() + 1);
    }
}
