package dev.gantry.control.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The queue's guarantees, one thread, no waiting: every take below has a key ready or the queue is shut down. */
class WorkQueueTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final WorkQueue<String> queue = new WorkQueue<>(clock, clock);

    @Test
    void aKeyAddedManyTimesWhileWaitingIsHandedOutOnceInOrderOfReadiness() throws Exception {
        for (int i = 0; i < 100; i++) {
            queue.add("a");
            queue.add("b");
        }
        assertThat(queue.readyCount()).isEqualTo(2);
        assertThat(queue.take()).contains("a");
        assertThat(queue.take()).contains("b");
        assertThat(queue.readyCount()).isZero();
    }

    @Test
    void aKeyAddedWhileWorkedWaitsForItsWorkerThenIsHandedOutOnceMore() throws Exception {
        queue.add("a");
        assertThat(queue.take()).contains("a");
        queue.add("a");
        queue.add("a");
        assertThat(queue.readyCount()).as("not while it is worked").isZero();
        queue.done("a");
        assertThat(queue.readyCount()).isEqualTo(1);
        assertThat(queue.take()).contains("a");
        queue.done("a");
        assertThat(queue.readyCount()).isZero();
        assertThat(queue.awaitIdle(Duration.ZERO)).isTrue();
    }

    @Test
    void theEarliestDelayedAddWinsAndALaterOneNeverPostponesIt() throws Exception {
        queue.addAfter("a", Duration.ofSeconds(10));
        queue.addAfter("a", Duration.ofSeconds(30)); // later: ignored
        queue.addAfter("b", Duration.ofSeconds(30));
        queue.addAfter("b", Duration.ofSeconds(5)); // earlier: replaces
        assertThat(queue.delayedCount()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(5));
        assertThat(queue.take()).contains("b");
        queue.done("b");
        clock.advance(Duration.ofSeconds(4));
        assertThat(queue.readyCount()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.take()).contains("a");
        queue.done("a");
        clock.advance(Duration.ofMinutes(1));
        assertThat(queue.readyCount())
                .as("the replaced and the ignored delays do nothing")
                .isZero();
        assertThat(queue.delayedCount()).isZero();
    }

    @Test
    void shutDownHandsOutNothingMoreAndDropsDelayedAdds() throws Exception {
        queue.add("a");
        queue.addAfter("b", Duration.ofSeconds(1));
        queue.shutDown();
        queue.add("c");
        clock.advance(Duration.ofSeconds(2));
        assertThat(queue.take()).isEqualTo(Optional.empty());
        assertThat(queue.delayedCount()).isZero();
        assertThat(clock.pending()).isZero();
    }
}
