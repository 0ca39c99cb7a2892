package dev.gantry.control.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.secret.Rotation;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretValue;
import dev.gantry.core.secret.SecretVersion;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.secret.NewVersion;
import dev.gantry.store.secret.SecretStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rotator as an applier: a scripted step runner in place of tasks, a real store. */
class SecretRotatorTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:s-AbCdEf";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private SecretStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        store = new SecretStore(db, new Envelope(MasterKey.random()));
        store.create(
                new Secret(
                        ARN,
                        "s",
                        Optional.empty(),
                        Optional.empty(),
                        T,
                        T,
                        Optional.empty(),
                        Optional.empty(),
                        Rotation.NONE,
                        List.of(),
                        List.of(new SecretVersion("old", Set.of("AWSCURRENT"), T)),
                        0),
                Optional.of(new NewVersion("old", new SecretValue.Text("a"))));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Runs steps as scripted; createSecret stores the pending version, as a rotation function would. */
    private final class Scripted implements StepRunner {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final RotationStep failing;
        final CountDownLatch release;

        Scripted(RotationStep failing, CountDownLatch release) {
            this.failing = failing;
            this.release = release;
        }

        @Override
        public void check(String function) {}

        @Override
        public StepOutcome run(RotationStep step, String function, String secretArn, String token) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add(step.wire() + ":" + token);
            if (step == RotationStep.CREATE_SECRET) {
                Secret s = store.find(secretArn).orElseThrow();
                store.save(
                        s,
                        s.withVersions(
                                dev.gantry.core.secret.VersionStages.afterPut(
                                        s.versions(), token, Set.of("AWSPENDING"), T.plusSeconds(1)),
                                T.plusSeconds(1)),
                        Optional.of(new NewVersion(token, new SecretValue.Text("b"))));
            }
            return step == failing ? new StepOutcome.Failed("exit 1") : new StepOutcome.Succeeded("task");
        }
    }

    private Map<String, Set<String>> stages() {
        return store.find(ARN).orElseThrow().versions().stream()
                .collect(Collectors.toMap(SecretVersion::versionId, SecretVersion::stages));
    }

    private static void awaitIdle(SecretRotator r) throws InterruptedException {
        while (r.rotating(ARN)) {
            Thread.sleep(10);
        }
    }

    @Test
    void aRotationRunsTheStepsThenMovesTheStagesAndRecordsIt() throws Exception {
        Scripted steps = new Scripted(null, new CountDownLatch(0));
        SecretRotator rotator = new SecretRotator(store, steps, InstantSource.fixed(T.plusSeconds(5)));
        rotator.start(store.find(ARN).orElseThrow(), "tok", "fn");
        awaitIdle(rotator);
        assertThat(steps.ran)
                .containsExactly("createSecret:tok", "setSecret:tok", "testSecret:tok", "finishSecret:tok");
        assertThat(stages()).isEqualTo(Map.of("old", Set.of("AWSPREVIOUS"), "tok", Set.of("AWSCURRENT")));
        assertThat(store.find(ARN).orElseThrow().rotation().lastRotatedAt()).contains(T.plusSeconds(5));
    }

    @Test
    void aFailedStepStopsTheRotationKeepsPendingAndSaysWhy() throws Exception {
        Scripted steps = new Scripted(RotationStep.SET_SECRET, new CountDownLatch(0));
        SecretRotator rotator = new SecretRotator(store, steps, InstantSource.fixed(T));
        rotator.start(store.find(ARN).orElseThrow(), "tok", "fn");
        awaitIdle(rotator);
        assertThat(steps.ran).containsExactly("createSecret:tok", "setSecret:tok");
        assertThat(stages()).isEqualTo(Map.of("old", Set.of("AWSCURRENT"), "tok", Set.of("AWSPENDING")));
        Secret s = store.find(ARN).orElseThrow();
        assertThat(s.rotation().lastFailure()).contains("Rotation step setSecret failed: exit 1");
        assertThat(s.rotation().lastRotatedAt()).isEmpty();
        assertThatThrownBy(() -> rotator.start(s, "other", "fn")).hasMessageContaining("isn't complete");
    }

    @Test
    void oneRotationPerSecretAtATimeAndARetryJoinsIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Scripted steps = new Scripted(null, release);
        SecretRotator rotator = new SecretRotator(store, steps, InstantSource.fixed(T));
        Secret s = store.find(ARN).orElseThrow();
        rotator.start(s, "tok", "fn");
        rotator.start(s, "tok", "fn"); // the same token joins
        assertThatThrownBy(() -> rotator.start(s, "another", "fn")).hasMessageContaining("in progress");
        release.countDown();
        awaitIdle(rotator);
        assertThat(steps.ran).hasSize(4);
    }

    @Test
    void aDueScheduleStartsARotationWithANewToken() throws Exception {
        Secret s = store.find(ARN).orElseThrow();
        store.save(
                s,
                s.withRotation(new Rotation(
                        true,
                        Optional.of("fn"),
                        Optional.of(1L),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())),
                Optional.empty());
        Scripted steps = new Scripted(null, new CountDownLatch(0));
        SecretRotator rotator =
                new SecretRotator(store, steps, InstantSource.fixed(T.plus(java.time.Duration.ofDays(1))));
        assertThat(rotator.rotateDue(T.plusSeconds(3600), () -> "early")).isZero();
        assertThat(rotator.rotateDue(T.plus(java.time.Duration.ofDays(1)), () -> "sched"))
                .isEqualTo(1);
        awaitIdle(rotator);
        assertThat(steps.ran).hasSize(4).allMatch(step -> step.endsWith(":sched"));
        assertThat(stages()).containsEntry("sched", Set.of("AWSCURRENT"));
        // the next date now counts from this rotation
        assertThat(rotator.rotateDue(T.plus(java.time.Duration.ofDays(1)), () -> "again"))
                .isZero();
    }
}
