package dev.gantry.control.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.secret.Rotation;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RotationPlannerTest {
    private static final Instant T = Instant.EPOCH;
    private static final StepOutcome OK = new StepOutcome.Succeeded("arn:task");

    @Test
    void theStepsRunInAwsOrderThenFinish() {
        assertThat(RotationPlanner.first()).isEqualTo(new RotationPlanner.Decision.Run(RotationStep.CREATE_SECRET));
        assertThat(RotationPlanner.after(RotationStep.CREATE_SECRET, OK))
                .isEqualTo(new RotationPlanner.Decision.Run(RotationStep.SET_SECRET));
        assertThat(RotationPlanner.after(RotationStep.SET_SECRET, OK))
                .isEqualTo(new RotationPlanner.Decision.Run(RotationStep.TEST_SECRET));
        assertThat(RotationPlanner.after(RotationStep.TEST_SECRET, OK))
                .isEqualTo(new RotationPlanner.Decision.Run(RotationStep.FINISH_SECRET));
        assertThat(RotationPlanner.after(RotationStep.FINISH_SECRET, OK))
                .isEqualTo(new RotationPlanner.Decision.Finish());
    }

    @Test
    void aFailedStepEndsTheRotationNamingTheStep() {
        var d = RotationPlanner.after(RotationStep.TEST_SECRET, new StepOutcome.Failed("container exited with 3"));
        assertThat(d)
                .isInstanceOfSatisfying(
                        RotationPlanner.Decision.Fail.class,
                        f -> assertThat(f.reason())
                                .isEqualTo("Rotation step testSecret failed: container exited with 3"));
    }

    private static Map<String, Set<String>> stages(List<SecretVersion> v) {
        return v.stream().collect(Collectors.toMap(SecretVersion::versionId, SecretVersion::stages));
    }

    @Test
    void finishMakesThePendingVersionCurrentAndTheOldOnePrevious() {
        List<SecretVersion> v = List.of(
                new SecretVersion("old", Set.of("AWSCURRENT"), T),
                new SecretVersion("new", Set.of("AWSPENDING"), T.plusSeconds(1)));
        var r = RotationPlanner.finish(v, "new");
        assertThat(r.failure()).isEmpty();
        assertThat(stages(r.versions().orElseThrow()))
                .isEqualTo(Map.of("old", Set.of("AWSPREVIOUS"), "new", Set.of("AWSCURRENT")));
    }

    @Test
    void finishLeavesLabelsAFunctionAlreadyMovedAndDropsPending() {
        List<SecretVersion> v = List.of(
                new SecretVersion("old", Set.of("AWSPREVIOUS"), T),
                new SecretVersion("new", Set.of("AWSCURRENT", "AWSPENDING"), T.plusSeconds(1)));
        assertThat(stages(RotationPlanner.finish(v, "new").versions().orElseThrow()))
                .isEqualTo(Map.of("old", Set.of("AWSPREVIOUS"), "new", Set.of("AWSCURRENT")));
    }

    @Test
    void finishWithoutTheNewVersionSaysWhatTheFunctionMustDo() {
        var r = RotationPlanner.finish(List.of(new SecretVersion("old", Set.of("AWSCURRENT"), T)), "tok");
        assertThat(r.versions()).isEmpty();
        assertThat(r.failure().orElseThrow()).contains("PutSecretValue").contains("ClientRequestToken=tok");
    }

    @Test
    void aLeftoverPendingVersionBlocksANewRotationButNotItsRetry() {
        Secret s = new Secret(
                "arn",
                "n",
                Optional.empty(),
                Optional.empty(),
                T,
                T,
                Optional.empty(),
                Optional.empty(),
                Rotation.NONE,
                List.of(),
                List.of(
                        new SecretVersion("old", Set.of("AWSCURRENT"), T),
                        new SecretVersion("stuck", Set.of("AWSPENDING"), T.plusSeconds(1))),
                0);
        assertThat(RotationPlanner.blocked(s, "other").orElseThrow())
                .contains("stuck")
                .contains("RemoveFromVersionId=stuck");
        assertThat(RotationPlanner.blocked(s, "stuck")).isEmpty();
    }
}
