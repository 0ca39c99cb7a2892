package dev.gantry.control.logs;

import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.TaskDriver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one container's output into its awslogs stream: follows the engine's log from just after the last
 * captured line (so a restart neither loses nor repeats lines the engine still holds), and writes in batches.
 * {@link #run()} blocks until the container's output is drained.
 */
public final class LogShipper implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LogShipper.class);
    private static final int BATCH = 500;
    private static final LogLine END = new LogLine(Instant.EPOCH, false, "");

    private final TaskDriver driver;
    private final CapturedLogs logs;
    private final String runtimeId;
    private final AwsLogsTarget target;

    public LogShipper(TaskDriver driver, CapturedLogs logs, String runtimeId, AwsLogsTarget target) {
        this.driver = driver;
        this.logs = logs;
        this.runtimeId = runtimeId;
        this.target = target;
    }

    @Override
    public void run() {
        BlockingQueue<LogLine> queue = new LinkedBlockingQueue<>();
        Thread writer = Thread.ofVirtual().name("logs-write-" + target.stream()).start(() -> write(queue));
        try {
            Optional<Instant> since = logs.lastCaptured(target.group(), target.stream());
            driver.followLogs(runtimeId, since, queue::add);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.atDebug().addKeyValue("stream", target.stream()).log("log capture paused by shutdown");
            } else {
                LOG.atWarn()
                        .addKeyValue("stream", target.stream())
                        .addKeyValue("error", e.getMessage())
                        .log("log capture stopped early; it resumes after the last stored line on restart");
            }
        } finally {
            queue.add(END);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(BlockingQueue<LogLine> queue) {
        List<LogLine> batch = new ArrayList<>();
        boolean done = false;
        while (!done) {
            try {
                LogLine first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = true;
            }
            if (!batch.isEmpty() && batch.get(batch.size() - 1) == END) {
                batch.remove(batch.size() - 1);
                done = true;
            }
            if (!batch.isEmpty()) {
                try {
                    logs.append(target.group(), target.stream(), List.copyOf(batch), target.createGroup());
                } catch (RuntimeException e) {
                    LOG.atWarn()
                            .addKeyValue("stream", target.stream())
                            .setCause(e)
                            .log("cannot store log lines");
                }
                batch.clear();
            }
        }
    }
}
