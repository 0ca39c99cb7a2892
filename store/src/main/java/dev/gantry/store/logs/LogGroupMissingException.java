package dev.gantry.store.logs;

/**
 * Captured output names a log group that does not exist and the task did not ask for it to be created
 * ({@code awslogs-create-group} not "true"). ECS fails such a task at start; {@link #getMessage()} is worded the way
 * CloudWatch Logs words it, so a caller can build ECS's stopped reason from it.
 */
public final class LogGroupMissingException extends RuntimeException {
    private final String group;

    public LogGroupMissingException(String group) {
        super(LogMessages.GROUP_NOT_FOUND, null, false, false);
        this.group = group;
    }

    public String group() {
        return group;
    }
}
