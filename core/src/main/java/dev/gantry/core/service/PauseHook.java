package dev.gantry.core.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code lifecycleHooks} entry of target type PAUSE: the deployment waits in each of {@code stages} until
 * ContinueServiceDeployment (or, with a timeout, until it expires and {@code timeoutAction} is taken).
 * AWS_LAMBDA hooks are refused at the API.
 */
public record PauseHook(List<LifecycleStage> stages, Optional<Integer> timeoutInMinutes, String timeoutAction) {
    public static final String CONTINUE = "CONTINUE";
    public static final String ROLLBACK = "ROLLBACK";

    public PauseHook {
        stages = List.copyOf(stages);
        timeoutInMinutes = timeoutInMinutes == null ? Optional.empty() : timeoutInMinutes;
        Objects.requireNonNull(timeoutAction, "timeoutAction");
        if (!timeoutAction.equals(CONTINUE) && !timeoutAction.equals(ROLLBACK)) {
            throw new IllegalArgumentException("timeoutAction must be CONTINUE or ROLLBACK: " + timeoutAction);
        }
    }
}
