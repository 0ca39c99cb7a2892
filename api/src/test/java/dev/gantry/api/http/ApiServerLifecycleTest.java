package dev.gantry.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.api.auth.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Lifecycle and connection behaviour: ports, keep-alive, pipelining order, blocking handlers, graceful close. */
class ApiServerLifecycleTest {

    static final Credentials NOBODY = Credentials.of();

    static ApiServerBuilder builder() {
        return ApiServer.builder().credentials(NOBODY);
    }

    static HttpRoute sleeping(String prefix, long millis) {
        return HttpRoute.of(prefix, r -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HttpReply.text(200, "slept");
        });
    }

    /** Reads {@code count} HTTP responses (each with Content-Length) from a raw stream and returns their bodies. */
    static String[] readResponses(InputStream in, int count) throws IOException {
        String[] bodies = new String[count];
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after " + i + " responses");
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase();
            int at = headers.indexOf("content-length:") + "content-length:".length();
            int length = Integer.parseInt(
                    headers.substring(at, headers.indexOf("\r\n", at)).strip());
            bodies[i] = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
        return bodies;
    }

    @Test
    void portIsKnownOnlyAfterStartAndIsFreeAgainAfterClose() throws IOException {
        ApiServer server = builder().build();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);

        server.start();
        int port = server.port();
        assertThat(port).isPositive();
        server.close();
        server.close(); // idempotent

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void bindFailureIsReportedAndCleansUp() {
        try (ApiServer first = builder().build().start()) {
            ApiServer second = builder().port(first.port()).build();
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(first.port()));
        }
    }

    @Test
    void aBusyPortIsFoundBeforeStartingAndAFreeOneLeftFree() throws IOException {
        try (ApiServer first = builder().build().start()) {
            assertThatThrownBy(() -> ApiServer.checkAvailable("127.0.0.1", first.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port())
                    .hasMessageContaining("--port or GANTRY_PORT");
        }
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = s.getLocalPort();
        }
        ApiServer.checkAvailable("127.0.0.1", free);
        try (ApiServer server = builder().port(free).build().start()) { // the probe did not keep it
            assertThat(server.port()).isEqualTo(free);
        }
    }

    @Test
    void builderRejectsMissingCredentialsAndDuplicatePrefixes() {
        assertThatThrownBy(() -> ApiServer.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder()
                        .service(FakeService.ecs())
                        .service(FakeService.ecs())
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pipelinedRequestsOnOneKeptAliveConnectionAreAnsweredInOrder() throws IOException {
        try (ApiServer server = builder().route(sleeping("/slow", 300)).build().start();
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readResponses(socket.getInputStream(), 2)).containsExactly("slept", "ok");

            out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readResponses(socket.getInputStream(), 1)).containsExactly("ok"); // still alive
        }
    }

    /** Past the per-connection bound, reading pauses and resumes: every request is still answered, in order. */
    @Test
    void fourTimesTheWaitingBoundPipelinedAreAllAnswered() throws IOException {
        int count = 4 * NettyChannelHandler.MAX_WAITING;
        try (ApiServer server = builder().route(sleeping("/slow", 300)).build().start();
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder requests = new StringBuilder("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            for (int i = 1; i < count; i++) {
                requests.append("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String[] answers = readResponses(socket.getInputStream(), count);
            assertThat(answers[0]).isEqualTo("slept");
            assertThat(java.util.Arrays.copyOfRange(answers, 1, count)).containsOnly("ok");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        try (ApiServer server = builder().build().start();
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));

            InputStream in = socket.getInputStream();
            assertThat(readResponses(in, 1)).containsExactly("ok");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aBlockedHandlerDoesNotHoldUpOtherConnections() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpRoute blocking = HttpRoute.of("/block", r -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HttpReply.text(200, "released");
        });
        try (ApiServer server = builder().route(blocking).build().start()) {
            RawClient client = new RawClient(server.port());
            CompletableFuture<HttpResponse<String>> blocked = CompletableFuture.supplyAsync(() -> client.get("/block"));

            for (int i = 0; i < 20; i++) {
                assertThat(new RawClient(server.port()).get("/health").body()).isEqualTo("ok");
            }
            assertThat(blocked).isNotDone();
            release.countDown();
            assertThat(blocked.get(5, TimeUnit.SECONDS).body()).isEqualTo("released");
        }
    }

    @Test
    void closeLetsInFlightRequestsFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        HttpRoute slow = sleeping("/slow", 500);
        ApiServer server = builder()
                .route(HttpRoute.of("/slow", r -> {
                    entered.countDown();
                    return slow.handle(r);
                }))
                .build()
                .start();
        RawClient client = new RawClient(server.port());
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> client.get("/slow"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        server.close();

        assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("slept");
    }
}
