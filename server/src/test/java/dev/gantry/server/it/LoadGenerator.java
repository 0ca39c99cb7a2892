package dev.gantry.server.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded load generator on loopback: a few keep-alive clients GET one URL in a loop until {@link #stop()} or a
 * hard limit, counting answers by body and every failure (a non-200 status, a refused or reset connection, a
 * timeout) with its first few causes, so a test can say "0 failed requests" and show why when it isn't.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Duration HARD_LIMIT = Duration.ofMinutes(5);

    private final URI url;
    private final List<Thread> workers = new ArrayList<>();
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> bodies = new ConcurrentHashMap<>();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;

    private LoadGenerator(URI url) {
        this.url = url;
    }

    /** Starts {@code clients} clients, each with its own keep-alive connection, hitting {@code url}. */
    static LoadGenerator start(URI url, int clients) {
        LoadGenerator load = new LoadGenerator(url);
        Instant end = Instant.now().plus(HARD_LIMIT);
        for (int i = 0; i < clients; i++) {
            Thread t = Thread.ofPlatform().daemon().name("load-" + i).start(() -> load.run(end));
            load.workers.add(t);
        }
        return load;
    }

    private void run(Instant end) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build();
        while (!stopped && Instant.now().isBefore(end)) {
            sent.incrementAndGet();
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
        if (failures.size() < 20) {
            failures.add(Instant.now() + " " + why);
        }
    }

    long ok() {
        return ok.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** Successful answers by body, e.g. {@code {v1=812, v2=455}}. */
    Map<String, Long> bodies() {
        Map<String, Long> out = new java.util.TreeMap<>();
        bodies.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    List<String> firstFailures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Stops the clients and waits for their last requests. */
    void stop() {
        stopped = true;
        for (Thread t : workers) {
            try {
                t.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "ok=" + ok() + " failed=" + failed() + " bodies=" + bodies() + " firstFailures=" + firstFailures();
    }
}
