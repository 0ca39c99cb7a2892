package dev.gantry.control.rotation;

import dev.gantry.core.secret.Rotation;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretMessages;
import dev.gantry.store.secret.SecretStore;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries rotations out: one virtual thread per rotation runs the planner's steps through the {@link StepRunner},
 * then moves the stages (finishSecret) or records the failure on the secret (DescribeSecret shows it) and logs it.
 * One rotation per secret at a time; a RotateSecret with the token of the running rotation joins it. The rotation
 * writes only the secret's {@link Rotation} and, after finishSecret, its staging labels.
 */
public final class SecretRotator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SecretRotator.class);
    private static final int ATTEMPTS = 10;

    private final SecretStore store;
    private final StepRunner steps;
    private final InstantSource clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(String token, Thread thread) {}

    public SecretRotator(SecretStore store, StepRunner steps, InstantSource clock) {
        this.store = store;
        this.steps = steps;
        this.clock = clock;
    }

    /** Checks the rotation function names something Gantry can run (an ApiException says what to give). */
    public void checkFunction(String function) {
        steps.check(function);
    }

    /**
     * Starts rotating {@code secret} to a new version {@code token} with {@code function}; returns at once. Refuses
     * (InvalidRequestException) while another rotation of the secret runs or a failed one left AWSPENDING behind.
     */
    public void start(Secret secret, String token, String function) {
        Optional<String> blocked = RotationPlanner.blocked(secret, token);
        if (blocked.isPresent()) {
            throw SecretMessages.invalidRequest(blocked.get());
        }
        Running[] mine = new Running[1];
        Running now = running.compute(secret.arn(), (arn, current) -> {
            if (current != null && current.thread().isAlive()) {
                return current;
            }
            mine[0] = new Running(
                    token,
                    Thread.ofVirtual()
                            .name("rotate-" + secret.name())
                            .unstarted(() -> rotate(secret.arn(), token, function)));
            return mine[0];
        });
        if (mine[0] == null) {
            if (now.token().equals(token)) {
                return; // a retried RotateSecret joins the rotation it started
            }
            throw SecretMessages.invalidRequest("A rotation of this secret is in progress (ClientRequestToken "
                    + now.token() + "); wait for it to finish.");
        }
        LOG.atInfo()
                .addKeyValue("secretArn", secret.arn())
                .addKeyValue("versionId", token)
                .addKeyValue("function", function)
                .log("secret rotation started");
        mine[0].thread().start();
    }

    /**
     * Starts the rotations the secrets' schedules say are due at {@code now} (RotationRules with
     * AutomaticallyAfterDays or a rate() expression); a housekeeping job. Returns how many started.
     */
    public int rotateDue(java.time.Instant now, java.util.function.Supplier<String> tokens) {
        int started = 0;
        for (Secret s : store.all()) {
            if (!dev.gantry.core.secret.RotationSchedule.due(s, now) || rotating(s.arn())) {
                continue;
            }
            try {
                start(s, tokens.get(), s.rotation().function().orElseThrow());
                started++;
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .addKeyValue("secretArn", s.arn())
                        .addKeyValue("reason", e.getMessage())
                        .log("scheduled rotation could not start");
            }
        }
        return started;
    }

    /** Whether a rotation of the secret is running (tests). */
    public boolean rotating(String secretArn) {
        Running r = running.get(secretArn);
        return r != null && r.thread().isAlive();
    }

    void rotate(String arn, String token, String function) {
        try {
            steps(arn, token, function);
        } catch (RuntimeException e) {
            fail(arn, "Gantry could not run the rotation: " + e.getMessage());
        }
    }

    private void steps(String arn, String token, String function) {
        RotationPlanner.Decision d = RotationPlanner.first();
        while (d instanceof RotationPlanner.Decision.Run run) {
            StepOutcome outcome = steps.run(run.step(), function, arn, token);
            LOG.atInfo()
                    .addKeyValue("secretArn", arn)
                    .addKeyValue("step", run.step().wire())
                    .addKeyValue("outcome", outcome)
                    .log("rotation step ended");
            d = RotationPlanner.after(run.step(), outcome);
        }
        switch (d) {
            case RotationPlanner.Decision.Fail f -> fail(arn, f.reason());
            case RotationPlanner.Decision.Finish f -> finish(arn, token);
            case RotationPlanner.Decision.Run r -> throw new IllegalStateException("unreachable");
        }
    }

    private void finish(String arn, String token) {
        String[] failure = new String[1];
        update(arn, s -> {
            RotationPlanner.Result r = RotationPlanner.finish(s.versions(), token);
            if (r.failure().isPresent()) {
                failure[0] = r.failure().get();
                return s.withRotation(s.rotation().failed(failure[0]));
            }
            failure[0] = null;
            var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return s.withVersions(r.versions().orElseThrow(), now)
                    .withRotation(s.rotation().succeeded(now));
        });
        if (failure[0] != null) {
            LOG.atWarn()
                    .addKeyValue("secretArn", arn)
                    .addKeyValue("reason", failure[0])
                    .log("secret rotation failed");
        } else {
            LOG.atInfo()
                    .addKeyValue("secretArn", arn)
                    .addKeyValue("versionId", token)
                    .log("secret rotated");
        }
    }

    private void fail(String arn, String reason) {
        update(arn, s -> s.withRotation(s.rotation().failed(reason)));
        LOG.atWarn()
                .addKeyValue("secretArn", arn)
                .addKeyValue("reason", reason)
                .log("secret rotation failed; AWSPENDING stays where the function put it");
    }

    private void update(String arn, UnaryOperator<Secret> change) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<Secret> before = store.find(arn);
            if (before.isEmpty()) {
                return; // deleted meanwhile
            }
            if (store.save(before.get(), change.apply(before.get()), Optional.empty())) {
                return;
            }
        }
        LOG.atWarn().addKeyValue("secretArn", arn).log("could not record the rotation's end: the secret kept changing");
    }

    /** Interrupts running rotations (their step's wait ends; the secret keeps AWSPENDING). */
    @Override
    public void close() {
        running.values().forEach(r -> r.thread().interrupt());
    }

    List<String> runningArns() {
        return List.copyOf(running.keySet());
    }
}
