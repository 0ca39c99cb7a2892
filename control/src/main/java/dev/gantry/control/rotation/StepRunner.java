package dev.gantry.control.rotation;

/** Runs one rotation step of a rotation function and waits until it has ended. */
public interface StepRunner {

    /** Checks that {@code function} names something this runner can run; else an ApiException saying what to give. */
    void check(String function);

    StepOutcome run(RotationStep step, String function, String secretArn, String token);
}
