package dev.gantry.api.ecs;

import dev.gantry.control.housekeeping.DeletedRevisions;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.store.ecs.ClusterStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import java.time.InstantSource;

/** What the ECS handlers work with. */
public record EcsContext(
        Arns arns,
        ClusterStore clusters,
        TaskDefinitionStore taskDefinitions,
        TaskStore tasks,
        TagStore tags,
        TaskLauncher launcher,
        DeletedRevisions deletedRevisions,
        InstantSource clock,
        IdSource ids) {}
