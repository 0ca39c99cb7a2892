package dev.gantry.control.housekeeping;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs clean-up jobs in rounds on one virtual thread: each job returns how much it removed; a job that fails is
 * logged and tried again next round. Jobs are idempotent, so a round cut short by shutdown loses nothing.
 */
public final class Housekeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeper.class);

    /** A named clean-up step; {@code work} returns how many items it removed. */
    public record Job(String name, IntSupplier work) {}

    private final List<Job> jobs;
    private final Duration every;
    private Thread thread;

    public Housekeeper(List<Job> jobs, Duration every) {
        this.jobs = List.copyOf(jobs);
        this.every = every;
    }

    public Housekeeper start() {
        thread = Thread.ofVirtual().name("housekeeping").start(this::loop);
        return this;
    }

    private void runOnce() {
        for (Job job : jobs) {
            try {
                int removed = job.work().getAsInt();
                if (removed > 0) {
                    LOG.atInfo()
                            .addKeyValue("job", job.name())
                            .addKeyValue("removed", removed)
                            .log("housekeeping");
                }
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("job", job.name()).setCause(e).log("housekeeping job failed; will retry");
            }
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            runOnce();
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
