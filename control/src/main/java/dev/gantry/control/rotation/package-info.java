/**
 * Secret rotation without Lambda: RotateSecret's four steps (createSecret, setSecret, testSecret, finishSecret) each
 * run a task of the task definition named as the rotation function ({@link dev.gantry.control.rotation.TaskSteps}),
 * with AWS's event ({@code Step}, {@code SecretId}, {@code ClientRequestToken}) in its environment; exit code 0 is
 * success. {@link dev.gantry.control.rotation.RotationPlanner} decides (pure: the next step, the stage moves after
 * finishSecret, what blocks a new rotation); {@link dev.gantry.control.rotation.SecretRotator} carries a rotation
 * out on a virtual thread and records how it ended on the secret.
 */
package dev.gantry.control.rotation;
