package dev.gantry.core.task;

/** ECS's {@code TaskStopCode} values. */
public enum StopCode {
    TaskFailedToStart,
    EssentialContainerExited,
    UserInitiated,
    ServiceSchedulerInitiated,
    SpotInterruption,
    TerminationNotice,
    InfrastructureHealth
}
