package dev.gantry.control.task;

import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.inject.Injector;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.store.ecs.TaskStore;
import java.time.Duration;
import java.time.InstantSource;

/**
 * What every task runner shares: the engine, the store, the task-change feed, the log sink, the clock and
 * settings. All thread-safe.
 * {@code runtimes}: which engine runtime each task's containers run under.
 * {@code resync}: how often a running task's containers and sandbox are re-inspected when no event arrived.
 * {@code injector}: resolves a task's secrets, environment files and registry credentials at its start.
 * {@code guard}: what must hold in a claimed sandbox before the task's containers are created (its packet filters).
 */
record RunnerContext(
        TaskDriver driver,
        TaskStore store,
        TaskFeed feed,
        CapturedLogs logs,
        InstantSource clock,
        String region,
        Duration logDrainTimeout,
        PullProgress pullProgress,
        Duration resync,
        ContainerEnvironment environment,
        Injector injector,
        TaskRuntimes runtimes,
        SandboxGuard guard) {}
