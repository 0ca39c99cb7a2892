package dev.gantry.control.inject;

/**
 * A container's secrets, environment files or registry credentials could not be had: the task cannot start.
 * The message is the task's stoppedReason, worded as Fargate words it ({@link InjectionMessages}); it names the
 * secret or file, never a value.
 */
public final class InjectionFailure extends RuntimeException {
    public InjectionFailure(String reason) {
        super(reason, null, false, false);
    }
}
