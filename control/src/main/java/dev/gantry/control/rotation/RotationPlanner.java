package dev.gantry.control.rotation;

import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretVersion;
import dev.gantry.core.secret.VersionStages;
import java.util.List;
import java.util.Optional;

/**
 * A rotation's decisions, pure. After a step succeeds, the next step runs; after finishSecret, the version the
 * rotation created becomes AWSCURRENT (the old one AWSPREVIOUS) and loses AWSPENDING, unless the function moved the
 * labels itself. A failed step ends the rotation and leaves AWSPENDING where it is, as AWS leaves it.
 */
public final class RotationPlanner {

    private RotationPlanner() {}

    /** What to do after {@code step} ended with {@code outcome}. */
    public sealed interface Decision {
        record Run(RotationStep step) implements Decision {}

        record Finish() implements Decision {}

        record Fail(String reason) implements Decision {}
    }

    public static Decision first() {
        return new Decision.Run(RotationStep.CREATE_SECRET);
    }

    public static Decision after(RotationStep step, StepOutcome outcome) {
        return switch (outcome) {
            case StepOutcome.Failed f -> new Decision.Fail("Rotation step " + step.wire() + " failed: " + f.reason());
            case StepOutcome.Succeeded s ->
                switch (step) {
                    case CREATE_SECRET -> new Decision.Run(RotationStep.SET_SECRET);
                    case SET_SECRET -> new Decision.Run(RotationStep.TEST_SECRET);
                    case TEST_SECRET -> new Decision.Run(RotationStep.FINISH_SECRET);
                    case FINISH_SECRET -> new Decision.Finish();
                };
        };
    }

    /**
     * The versions once the rotation with {@code token} finished: the token's version AWSCURRENT, without
     * AWSPENDING. Empty with a reason when the function never stored that version.
     */
    public static Result finish(List<SecretVersion> versions, String token) {
        Optional<SecretVersion> created =
                versions.stream().filter(v -> v.versionId().equals(token)).findFirst();
        if (created.isEmpty()) {
            return new Result(
                    Optional.empty(),
                    Optional.of("finishSecret succeeded but the secret has no version "
                            + token + ": the createSecret step must call PutSecretValue with ClientRequestToken="
                            + token
                            + " and VersionStages=[AWSPENDING]"));
        }
        List<SecretVersion> out = versions;
        if (!created.get().has(VersionStages.CURRENT)) {
            Optional<String> current = versions.stream()
                    .filter(v -> v.has(VersionStages.CURRENT))
                    .map(SecretVersion::versionId)
                    .findFirst();
            out = VersionStages.move(out, VersionStages.CURRENT, Optional.of(token), current);
        }
        if (out.stream().anyMatch(v -> v.versionId().equals(token) && v.has(VersionStages.PENDING))) {
            out = VersionStages.move(out, VersionStages.PENDING, Optional.empty(), Optional.of(token));
        }
        return new Result(Optional.of(out), Optional.empty());
    }

    /** The versions after a finished rotation, or why they could not be computed. */
    public record Result(Optional<List<SecretVersion>> versions, Optional<String> failure) {}

    /**
     * Why a new rotation with {@code token} may not start: a previous one left AWSPENDING on a version that is not
     * AWSCURRENT (AWS refuses so too).
     */
    public static Optional<String> blocked(Secret secret, String token) {
        return secret.staged(VersionStages.PENDING)
                .filter(v -> !v.has(VersionStages.CURRENT) && !v.versionId().equals(token))
                .map(v -> "A previous rotation isn't complete: version " + v.versionId() + " still has AWSPENDING. "
                        + "Retry it with ClientRequestToken=" + v.versionId() + ", or remove the label with "
                        + "UpdateSecretVersionStage (VersionStage=AWSPENDING, RemoveFromVersionId=" + v.versionId()
                        + ") to start a new rotation.");
    }
}
