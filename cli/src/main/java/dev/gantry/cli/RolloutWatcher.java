package dev.gantry.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Polls DescribeServices until a {@link Rollout} is over or the timeout passes, printing what each snapshot brings.
 * Plain lines only, one per change (no cursor movement), so the output reads the same in a terminal and in a CI log.
 */
final class RolloutWatcher {
    static final Duration POLL = Duration.ofSeconds(1);

    /** How the watcher waits between polls (a real sleep, or a test's clock advance). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private RolloutWatcher() {}

    static Rollout.Outcome follow(
            Rollout start,
            Supplier<Service> describe,
            InstantSource clock,
            Sleeper sleeper,
            Duration poll,
            Duration timeout,
            PrintWriter out)
            throws InterruptedException {
        Instant deadline = start.startedAt().plus(timeout);
        Rollout r = start;
        while (true) {
            Rollout.Step step = r.observe(describe.get(), clock.instant());
            step.lines().forEach(out::println);
            out.flush();
            if (step.outcome().isPresent()) {
                return step.outcome().get();
            }
            r = step.next();
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                return r.timedOut(Duration.between(start.startedAt(), now));
            }
            Duration left = Duration.between(now, deadline);
            sleeper.sleep(left.compareTo(poll) < 0 ? left : poll);
        }
    }
}
