package dev.gantry.core.task;

/** Stop reasons and container reasons, worded as ECS words them where clients and people depend on it. */
public final class Reasons {
    private Reasons() {}

    public static final String ESSENTIAL_CONTAINER_EXITED = "Essential container in task exited";
    public static final String STOPPED_BY_USER = "Task stopped by user";
    public static final String OUT_OF_MEMORY = "OutOfMemoryError: Container killed due to memory usage";
    public static final String CANNOT_PULL = "CannotPullContainerError: ";
    public static final String CANNOT_START = "CannotStartContainerError: ";
    public static final String RESOURCE_INITIALIZATION = "ResourceInitializationError: ";
    public static final String DEPENDENCY_TIMEOUT = "DependencyTimeoutError: ";
    public static final String CONTAINER_RUNTIME_GONE = "ContainerRuntimeError: container was removed outside Gantry";
    public static final String NETWORK_GONE =
            "Task network was removed: its sandbox container no longer runs (was it removed outside Gantry?)";
}
