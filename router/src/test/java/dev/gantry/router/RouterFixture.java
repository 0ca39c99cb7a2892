package dev.gantry.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.router.health.TargetHealth;
import dev.gantry.router.health.TargetState;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A started router, a keep-alive HTTP/1.1 client, and waits with a deadline (no timed assertions). */
class RouterFixture implements AutoCloseable {
    final Router router;
    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RouterFixture(RouterOptions options) {
        router = Router.start(options);
    }

    RouterFixture() {
        this(RouterOptions.defaults().withIoThreads(2));
    }

    ApplyReport apply(RoutingTable table) {
        ApplyReport report = router.apply(table);
        assertThat(report.failures()).isEmpty();
        return report;
    }

    URI uri(String listenerId, String pathAndQuery) {
        int port = router.listenerAddress(listenerId).orElseThrow().getPort();
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> get(String listenerId, String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(listenerId, pathAndQuery)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    TargetHealth health(String group, Target target) {
        return router.targetHealth(group, target);
    }

    void awaitState(String group, Target target, TargetState state) {
        await(
                () -> health(group, target).state() == state,
                "target " + target + " of " + group + " to be " + state + " (is " + health(group, target) + ")");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        router.close();
    }
}
