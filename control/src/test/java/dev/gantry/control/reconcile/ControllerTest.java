package dev.gantry.control.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime's concurrency guarantees, made deterministic with latches: a reconciler blocks until the test lets
 * it go, so "while a key is worked" and "while a key waits" are states the test holds, not races it hopes for.
 */
class ControllerTest {

    private static final Duration GUARD = Duration.ofSeconds(30); // against a hang only

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Map<String, AtomicInteger> passes = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private Controller<String> controller;

    /** Counts passes per key; the first pass of a gated key blocks until its gate opens. */
    private Result reconcile(String key) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            int pass = passes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            CountDownLatch gate = gates.get(key);
            if (gate != null && pass == 1) {
                entered.countDown();
                if (!gate.await(GUARD.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            }
            return Result.done();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(e);
        } finally {
            concurrent.decrementAndGet();
        }
    }

    private Controller<String> start(int workers) {
        controller = Controller.<String>builder("test", this::reconcile)
                .workers(workers)
                .clock(clock)
                .scheduler(clock)
                .build()
                .start();
        return controller;
    }

    private int passes(String key) {
        return passes.getOrDefault(key, new AtomicInteger()).get();
    }

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void anErrorThrownByAReconcilerIsAFailureAndTheWorkerLivesOnForOtherKeys() throws Exception {
        AtomicInteger brokenPasses = new AtomicInteger();
        CountDownLatch other = new CountDownLatch(1);
        controller = Controller.<String>builder("test", key -> {
                    if (key.equals("broken")) {
                        brokenPasses.incrementAndGet();
                        throw new AssertionError("a bug");
                    }
                    other.countDown();
                    return Result.done();
                })
                .workers(1)
                .clock(clock)
                .scheduler(clock)
                .build()
                .start();
        controller.enqueue("broken");
        assertThat(controller.awaitIdle(GUARD)).isTrue();
        assertThat(brokenPasses).hasValue(1);
        assertThat(controller.failures("broken")).as("treated as a failed pass").isEqualTo(1);
        controller.enqueue("healthy");
        assertThat(other.await(GUARD.toSeconds(), TimeUnit.SECONDS))
                .as("the only worker still works")
                .isTrue();
        assertThat(controller.liveWorkers()).isEqualTo(1);
    }

    @Test
    void aKeyEnqueuedManyTimesWhileWaitingIsWorkedOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put("blocker", gate);
        start(1).enqueue("blocker");
        assertThat(entered.await(GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue(); // the only worker is busy
        for (int i = 0; i < 100; i++) {
            controller.enqueue("a");
        }
        gate.countDown();
        assertThat(controller.awaitIdle(GUARD)).isTrue();
        assertThat(passes("a")).isEqualTo(1);
    }

    @Test
    void aKeyIsNeverWorkedTwiceAtOnceAndIsWorkedAgainIfEnqueuedDuringItsPass() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put("a", gate);
        start(4).enqueue("a");
        assertThat(entered.await(GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            controller.enqueue("a"); // three idle workers could take it: none may
        }
        controller.enqueue("b");
        assertThat(controller.awaitIdle(Duration.ofMillis(50)))
                .as("a is still being worked")
                .isFalse();
        gate.countDown();
        assertThat(controller.awaitIdle(GUARD)).isTrue();
        assertThat(passes("a"))
                .as("once more after its pass, however often it was enqueued")
                .isEqualTo(2);
        assertThat(passes("b")).isEqualTo(1);
        assertThat(maxConcurrent.get()).as("b ran beside a, never a beside a").isLessThanOrEqualTo(2);
    }

    @Test
    void aThrowingOrNullReturningReconcilerCountsAsFailedAndIsRetriedWithBackoff() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        controller = Controller.<String>builder("throws", key -> {
                    seen.add(key);
                    if (key.equals("null")) {
                        return null;
                    }
                    throw new IllegalStateException("boom");
                })
                .backoff(new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .clock(clock)
                .scheduler(clock)
                .build()
                .start();
        controller.enqueue("throws");
        controller.enqueue("null");
        assertThat(controller.awaitIdle(GUARD)).isTrue();
        assertThat(controller.failures("throws")).isEqualTo(1);
        assertThat(controller.failures("null")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(controller.awaitIdle(GUARD)).isTrue();
        assertThat(seen).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(controller.awaitIdle(GUARD)).isTrue();
        assertThat(seen).hasSize(4);
        assertThat(controller.failures("throws")).isEqualTo(2);
    }

    @Test
    void closeLetsAPassInProgressFinishDropsEverythingElseAndEndsTheWorkers() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put("a", gate);
        controller = Controller.<String>builder("closing", this::reconcile)
                .workers(1)
                .clock(clock)
                .scheduler(clock)
                .resync(Duration.ofSeconds(10), () -> List.of("r"))
                .build()
                .start();
        controller.enqueue("a");
        assertThat(entered.await(GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        controller.enqueue("b");
        controller.enqueueAfter("c", Duration.ofSeconds(1));

        Thread closer = Thread.ofVirtual().start(controller::close);
        closer.join(Duration.ofMillis(50));
        assertThat(closer.isAlive()).as("close waits for the pass in progress").isTrue();
        gate.countDown();
        closer.join(GUARD);
        assertThat(closer.isAlive()).isFalse();

        assertThat(passes("a")).isEqualTo(1);
        assertThat(controller.liveWorkers()).isZero();
        controller.enqueue("d");
        clock.advance(Duration.ofMinutes(1));
        assertThat(clock.pending())
                .as("no retry, requeue or resync left behind")
                .isZero();
        assertThat(passes.keySet())
                .as("only what was worked before close: the first resync and a")
                .containsExactlyInAnyOrder("a", "r")
                .doesNotContain("b", "c", "d");
        controller.close(); // idempotent
    }

    @Test
    void aPassThatOutlivesTheShutdownGraceIsInterrupted() throws Exception {
        gates.put("stuck", new CountDownLatch(1)); // never opened
        controller = Controller.<String>builder("stuck", this::reconcile)
                .workers(1)
                .clock(clock)
                .scheduler(clock)
                .shutdownGrace(Duration.ZERO)
                .build()
                .start();
        controller.enqueue("stuck");
        assertThat(entered.await(GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        controller.close();
        assertThat(controller.liveWorkers()).isZero();
    }
}
