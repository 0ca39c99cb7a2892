package dev.gantry.control.launch;

import dev.gantry.control.feed.TaskTransitions;
import dev.gantry.control.task.TaskSupervisor;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.run.RunTaskPlanner;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.run.RunTaskValidator;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskNetwork;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.taskdef.TaskDefinitionStatus;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskInsert;
import dev.gantry.store.ecs.TaskStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches and stops tasks: the whole of RunTask and StopTask below the wire. A launch is checked by core's
 * validator, planned by core's planners (overrides applied once, {@code group} defaulted), placed in its subnet
 * ({@link TaskPlacement}), written with its tags
 * in one transaction (a retried {@code clientToken} returns the tasks it started instead), announced on the task
 * feed and handed to the supervisor. A stop records the decision (the first one wins) and wakes the runner.
 * Errors are {@link ApiException}s worded as ECS words them, whoever the caller.
 */
public final class TaskLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(TaskLauncher.class);

    private final TaskStore tasks;
    private final TagStore tags;
    private final TaskSupervisor supervisor;
    private final Arns arns;
    private final IdSource ids;
    private final InstantSource clock;
    private final TaskPlacement placement;

    public TaskLauncher(
            TaskStore tasks,
            TagStore tags,
            TaskSupervisor supervisor,
            Arns arns,
            IdSource ids,
            InstantSource clock,
            TaskPlacement placement) {
        this.placement = placement;
        this.tasks = tasks;
        this.tags = tags;
        this.supervisor = supervisor;
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
    }

    /** Where tasks' interfaces go: also checks a service's network configuration. */
    public TaskPlacement placement() {
        return placement;
    }

    /** Starts the tasks of one RunTask (or returns those its clientToken already started). */
    public List<Task> launch(LaunchRequest launch) {
        return launch(launch, true);
    }

    /**
     * Starts tasks for a service's deployment: as {@link #launch}, except that the revision may have been
     * deregistered since the deployment began (ECS keeps such a service running and scaling on it).
     */
    public List<Task> launchForService(LaunchRequest launch) {
        return launch(launch, false);
    }

    private List<Task> launch(LaunchRequest launch, boolean activeOnly) {
        TaskDefinition td = launch.definition();
        RunTaskRequest req = launch.request();
        if (activeOnly && !td.status().equals(TaskDefinitionStatus.ACTIVE.name())) {
            throw ApiException.client("TaskDefinition is inactive: " + td.taskDefinitionArn()
                    + ". Register a new revision or run an ACTIVE one.");
        }
        RunTaskValidator.validate(req, td);
        List<TaskNetwork> networks =
                placement.place(req.networkConfiguration().awsvpcConfiguration(), req.countOrDefault());
        List<Tag> taskTags = TaskTags.of(
                req, propagatesDefinitionTags(req) ? tags.list(td.taskDefinitionArn()) : List.of(), launch.cluster());
        TaskFactory.Launch plan = new TaskFactory.Launch(
                launch.cluster().clusterArn(),
                launch.cluster().clusterName(),
                RunTaskPlanner.effectiveDefinition(td, req.overrides()),
                req.countOrDefault(),
                RunTaskPlanner.group(req, td),
                Optional.ofNullable(req.startedBy()),
                launch.overridesAsGiven(),
                taskTags,
                networks);
        List<Task> created = TaskFactory.create(plan, arns, ids, clock.instant());
        return switch (tasks.insertAll(created, Optional.ofNullable(req.clientToken()))) {
            case TaskInsert.TokenAlreadyUsed earlier -> sameRequest(earlier.tasks(), req, td);
            case TaskInsert.Inserted inserted -> {
                inserted.tasks().forEach(t -> supervisor.feed().publish(TaskTransitions.created(t)));
                supervisor.launch(inserted.tasks());
                LOG.atDebug()
                        .addKeyValue("count", inserted.tasks().size())
                        .addKeyValue("taskDefinitionArn", td.taskDefinitionArn())
                        .log("tasks launched");
                yield inserted.tasks();
            }
        };
    }

    /**
     * Records the decision to stop {@code task} (the first decision wins, a later one leaves it as it was), wakes
     * its runner and removes the task's tags (in the same transaction), as StopTask does. Returns the task as it is
     * afterwards.
     */
    public Task stop(Task task, StopCode code, String reason) {
        return supervisor.requestStop(task.taskId(), code, reason, true).orElse(task);
    }

    private static boolean propagatesDefinitionTags(RunTaskRequest req) {
        return TaskTags.PROPAGATE_FROM_DEFINITION.equals(req.propagateTags());
    }

    /** A retried RunTask returns the tasks it started; the same token with other parameters is a conflict. */
    private static List<Task> sameRequest(List<Task> earlier, RunTaskRequest req, TaskDefinition td) {
        Task first = earlier.get(0);
        boolean same = earlier.size() == req.countOrDefault()
                && first.spec().taskDefinition().taskDefinitionArn().equals(td.taskDefinitionArn())
                && first.spec().startedBy().equals(Optional.ofNullable(req.startedBy()));
        if (!same) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "The clientToken '" + req.clientToken()
                            + "' was already used for a different RunTask request, which started "
                            + earlier.stream().map(Task::taskArn).toList() + ". Use a new clientToken.");
        }
        return earlier;
    }
}
