package dev.gantry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded, paced load on loopback for {@link DeployBench}: a few clients, each with its own keep-alive HTTP/1.1
 * connection, GET one URL at a fixed rate (or back to back with rate 0) until {@link #stop()} or a hard limit,
 * counting answers by body and every failure (a non-200 status, a refused or reset connection, a timeout) with its
 * first few causes.
 */
final class SteadyLoad implements AutoCloseable {
    private static final Duration HARD_LIMIT = Duration.ofMinutes(5);

    private final URI url;
    private final List<Thread> workers = new ArrayList<>();
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> bodies = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final long started = System.nanoTime();
    private volatile long stoppedAt;
    private volatile boolean stopped;

    private SteadyLoad(URI url) {
        this.url = url;
    }

    /** Starts {@code clients} clients hitting {@code url}, each at {@code perClientRate} requests/s (0: no pause). */
    static SteadyLoad start(URI url, int clients, int perClientRate) {
        SteadyLoad load = new SteadyLoad(url);
        long period = perClientRate > 0 ? 1_000_000_000L / perClientRate : 0;
        for (int i = 0; i < clients; i++) {
            load.workers.add(
                    Thread.ofPlatform().daemon().name("deploy-load-" + i).start(() -> load.run(period)));
        }
        return load;
    }

    private void run(long periodNanos) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build();
        long end = started + HARD_LIMIT.toNanos();
        long next = System.nanoTime();
        while (!stopped && System.nanoTime() < end) {
            if (periodNanos > 0) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                next = Math.max(next + periodNanos, System.nanoTime() - periodNanos); // no catch-up burst
            }
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    ok.increment();
                    bodies.computeIfAbsent(r.body().strip(), b -> new LongAdder())
                            .increment();
                } else {
                    fail("HTTP " + r.statusCode() + " " + r.body().strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                fail(e.toString());
            }
        }
    }

    private void fail(String why) {
        failed.increment();
        if (failures.size() < 10) {
            failures.add(why);
        }
    }

    long sent() {
        return ok.sum() + failed.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** Answered requests per second of wall time, from start to {@link #stop()}. */
    double rate() {
        long end = stoppedAt == 0 ? System.nanoTime() : stoppedAt;
        return sent() / ((end - started) / 1e9);
    }

    /** Successful answers by body, e.g. {@code {v1=812, v2=455}}. */
    Map<String, Long> bodies() {
        Map<String, Long> out = new TreeMap<>();
        bodies.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    List<String> firstFailures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Stops the clients and waits for their last requests. */
    void stop() throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        stoppedAt = System.nanoTime();
        for (Thread t : workers) {
            t.join(Duration.ofSeconds(15));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
