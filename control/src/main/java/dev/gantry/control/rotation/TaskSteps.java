package dev.gantry.control.rotation;

import dev.gantry.control.launch.LaunchRequest;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.ContainerOverride;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.run.TaskOverride;
import dev.gantry.core.secret.SecretMessages;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.store.ecs.ClusterStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a rotation step as an ECS task: the rotation function is a task definition (its ARN, {@code family:revision}
 * or {@code family}), run once per step in the cluster this runner was given, every container getting AWS's event in
 * its environment ({@code Step}, {@code SecretId}, {@code ClientRequestToken}, and the whole event as JSON in
 * {@code SECRETS_MANAGER_ROTATION_EVENT}). The step succeeded when every container exited 0.
 */
public final class TaskSteps implements StepRunner {
    public static final String STARTED_BY = "secretsmanager-rotation";
    public static final String EVENT_VARIABLE = "SECRETS_MANAGER_ROTATION_EVENT";
    static final String SUBNET = DefaultVpc.SUBNET_ID;
    private static final Pattern TASK_DEFINITION_ARN =
            Pattern.compile("arn:aws:ecs:[^:]+:\\d{12}:task-definition/([A-Za-z0-9_-]+)(?::(\\d+))?");
    private static final Pattern FAMILY = Pattern.compile("([A-Za-z0-9_-]+)(?::(\\d+))?");

    private final TaskLauncher launcher;
    private final TaskStore tasks;
    private final TaskDefinitionStore definitions;
    private final ClusterStore clusters;
    private final String clusterName;
    private final InstantSource clock;
    private final Duration poll;
    private final Duration timeout;

    public TaskSteps(
            TaskLauncher launcher,
            TaskStore tasks,
            TaskDefinitionStore definitions,
            ClusterStore clusters,
            String clusterName,
            InstantSource clock,
            Duration poll,
            Duration timeout) {
        this.launcher = launcher;
        this.tasks = tasks;
        this.definitions = definitions;
        this.clusters = clusters;
        this.clusterName = clusterName;
        this.clock = clock;
        this.poll = poll;
        this.timeout = timeout;
    }

    @Override
    public void check(String function) {
        resolve(function);
    }

    TaskDefinition resolve(String function) {
        Matcher m = TASK_DEFINITION_ARN.matcher(function);
        if (!m.matches()) {
            m = FAMILY.matcher(function);
        }
        if (!m.matches()) {
            throw SecretMessages.invalidParameter("Gantry has no Lambda: RotationLambdaARN must name the ECS task "
                    + "definition that runs the rotation steps (its ARN, family:revision or family), not '"
                    + function + "'. See docs/compat/secretsmanager.md.");
        }
        String family = m.group(1);
        Optional<TaskDefinition> td = m.group(2) == null
                ? definitions.latestActive(family)
                : definitions.find(family, Integer.parseInt(m.group(2)));
        return td.orElseThrow(() -> SecretMessages.invalidParameter("The rotation function " + function
                + " names no registered task definition; register it with RegisterTaskDefinition first."));
    }

    @Override
    public StepOutcome run(RotationStep step, String function, String secretArn, String token) {
        List<Task> started;
        try {
            TaskDefinition td = resolve(function);
            Cluster cluster = clusters.find(clusterName)
                    .orElseThrow(() -> SecretMessages.invalidRequest("The cluster " + clusterName + " is gone."));
            List<KeyValuePair> env = List.of(
                    new KeyValuePair("Step", step.wire()),
                    new KeyValuePair("SecretId", secretArn),
                    new KeyValuePair("ClientRequestToken", token),
                    new KeyValuePair(EVENT_VARIABLE, event(step, secretArn, token)));
            List<ContainerOverride> overrides = new ArrayList<>();
            List<Map<String, Object>> given = new ArrayList<>();
            for (var c : td.containers()) {
                overrides.add(new ContainerOverride(c.name(), null, env, null, null, null, null));
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", c.name());
                o.put(
                        "environment",
                        env.stream()
                                .map(kv -> Map.of("name", kv.name(), "value", kv.value()))
                                .toList());
                given.add(o);
            }
            RunTaskRequest req = new RunTaskRequest(
                    clusterName,
                    td.taskDefinitionArn(),
                    1,
                    "FARGATE",
                    null,
                    new NetworkConfiguration(new AwsVpcConfiguration(List.of(SUBNET), null, null)),
                    new TaskOverride(overrides, null, null, null, null),
                    STARTED_BY,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            started = launcher.launch(new LaunchRequest(cluster, td, req, Map.of("containerOverrides", given)));
        } catch (ApiException e) {
            return new StepOutcome.Failed("the task could not start: " + e.getMessage());
        }
        return await(started.getFirst());
    }

    private StepOutcome await(Task task) {
        Instant deadline = clock.instant().plus(timeout);
        Task now = task;
        while (!now.isStopped()) {
            if (clock.instant().isAfter(deadline)) {
                launcher.stop(now, StopCode.UserInitiated, "Rotation step timed out after " + timeout);
                return new StepOutcome.Failed("task " + task.taskArn() + " ran longer than " + timeout);
            }
            try {
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new StepOutcome.Failed("Gantry stopped while task " + task.taskArn() + " ran");
            }
            now = tasks.find(task.taskId()).orElse(now);
        }
        List<String> bad = new ArrayList<>();
        for (ContainerState c : now.observed().containers()) {
            if (c.exitCode().filter(code -> code == 0).isEmpty()) {
                bad.add("container " + c.name() + " exited with "
                        + c.exitCode().map(String::valueOf).orElse("no code")
                        + c.reason().map(r -> " (" + r + ")").orElse(""));
            }
        }
        if (bad.isEmpty()) {
            return new StepOutcome.Succeeded(task.taskArn());
        }
        return new StepOutcome.Failed("task " + task.taskArn() + ": " + String.join(", ", bad)
                + now.desired().stoppedReason().map(r -> "; " + r).orElse(""));
    }

    static String event(RotationStep step, String secretArn, String token) {
        return "{\"Step\":\"" + step.wire() + "\",\"SecretId\":\"" + secretArn + "\",\"ClientRequestToken\":\"" + token
                + "\"}";
    }
}
