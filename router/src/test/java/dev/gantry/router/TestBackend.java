package dev.gantry.router;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gantry.router.table.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP backend for router tests (the JDK's HttpServer on loopback). Every answer names the backend and echoes
 * what the router added: {@code /} answers its name; {@code /health} answers {@link #healthStatus}; {@code /slow}
 * holds the answer until {@link #releaseSlow()}; {@code /digest} answers the SHA-256 of the request body; {@code /big?mb=N}
 * streams N MiB; {@code /hang} never answers. It counts requests and the client ports it saw (one per connection).
 */
final class TestBackend implements AutoCloseable {
    final String name;
    final AtomicInteger healthStatus = new AtomicInteger(200);
    final AtomicInteger requests = new AtomicInteger();
    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    TestBackend(String name) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    Target target() {
        return new Target("127.0.0.1", server.getAddress().getPort());
    }

    void releaseSlow() {
        slowRelease.countDown();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/health")) {
            reply(ex, healthStatus.get(), "health");
            return;
        }
        requests.incrementAndGet();
        clientPorts.add(ex.getRemoteAddress().getPort());
        ex.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join("|", v)));
        switch (path) {
            case "/slow" -> {
                slowStarted.countDown();
                await(slowRelease);
                reply(ex, 200, name + " slow");
            }
            case "/hang" -> await(new CountDownLatch(1));
            case "/digest" -> {
                MessageDigest sha = sha256();
                try (InputStream in = ex.getRequestBody()) {
                    byte[] buf = new byte[65536];
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        sha.update(buf, 0, n);
                    }
                }
                reply(ex, 200, HexFormat.of().formatHex(sha.digest()));
            }
            case "/big" -> {
                int mb = Integer.parseInt(ex.getRequestURI().getQuery().replace("mb=", ""));
                ex.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[1 << 20];
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (byte) i;
                }
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < mb; i++) {
                        out.write(chunk);
                    }
                }
            }
            default -> reply(ex, 200, name);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        releaseSlow();
        server.stop(0);
        pool.shutdownNow();
    }
}
