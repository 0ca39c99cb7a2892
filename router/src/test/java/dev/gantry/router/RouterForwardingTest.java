package dev.gantry.router;

import static dev.gantry.router.Tables.group;
import static dev.gantry.router.Tables.http;
import static dev.gantry.router.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.router.table.Action;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Forwarding through real sockets: weights, error answers, forwarded headers, keep-alive, streaming bodies. */
class RouterForwardingTest {

    @Test
    void weightsAreHonouredRequestByRequest() throws IOException {
        try (TestBackend blue = new TestBackend("blue");
                TestBackend green = new TestBackend("green");
                RouterFixture f = new RouterFixture()) {
            f.apply(new RoutingTable(
                    List.of(http(
                            "l",
                            List.of(),
                            new Action.Forward(List.of(
                                    new Action.WeightedGroup("blue", 90), new Action.WeightedGroup("green", 10))))),
                    List.of(group("blue", blue.target()), group("green", green.target()))));

            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                answers.add(f.get("l", "/").body());
            }

            assertThat(answers.stream().filter("green"::equals).count()).isEqualTo(30);
            for (int window = 0; window + 10 <= answers.size(); window += 10) {
                assertThat(answers.subList(window, window + 10))
                        .as("every 10 requests")
                        .containsOnlyOnce("green");
            }
        }
    }

    @Test
    void aGroupWithoutTargetsAnswers503AndAnUnreachableTarget502() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (RouterFixture f = new RouterFixture()) {
            f.apply(new RoutingTable(
                    List.of(
                            http("empty", List.of(), Action.Forward.to("none")),
                            http("dead", List.of(), Action.Forward.to("dead"))),
                    List.of(group("none"), group("dead", new Target("127.0.0.1", closedPort)))));

            HttpResponse<String> empty = f.get("empty", "/");
            assertThat(empty.statusCode()).isEqualTo(503);
            assertThat(empty.headers().firstValue("server")).hasValue("awselb/2.0");
            assertThat(f.get("dead", "/").statusCode()).isEqualTo(502);
            assertThat(f.get("empty", "/").statusCode())
                    .as("the connection stays usable")
                    .isEqualTo(503);
        }
    }

    @Test
    void aMalformedResponseIs502() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                RouterFixture f = new RouterFixture()) {
            Thread.ofVirtual().start(() -> {
                while (!garbage.isClosed()) {
                    try (Socket s = garbage.accept()) {
                        s.getInputStream().read(new byte[4096]);
                        s.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("g")),
                    group("g", new Target("127.0.0.1", garbage.getLocalPort()))));

            assertThat(f.get("l", "/").statusCode()).isEqualTo(502);
        }
    }

    @Test
    void aSilentTargetIs504AfterTheTargetTimeout() throws IOException {
        try (TestBackend slow = new TestBackend("slow");
                RouterFixture f = new RouterFixture(
                        RouterOptions.defaults().withIoThreads(1).withTargetTimeout(Duration.ofMillis(500)))) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", slow.target())));

            assertThat(f.get("l", "/hang").statusCode()).isEqualTo(504);
            assertThat(f.get("l", "/").body())
                    .as("the client connection still works")
                    .isEqualTo("slow");
        }
    }

    @Test
    void addsForwardedHeadersAndATraceIdAndKeepsAClientsTraceId() throws IOException {
        try (TestBackend b = new TestBackend("b");
                RouterFixture f = new RouterFixture()) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", b.target())));
            int port = f.router.listenerAddress("l").orElseThrow().getPort();

            f.send(HttpRequest.newBuilder(f.uri("l", "/"))
                    .header("X-Forwarded-For", "203.0.113.9")
                    .build());
            assertThat(b.lastHeaders)
                    .containsEntry("x-forwarded-for", "203.0.113.9, 127.0.0.1")
                    .containsEntry("x-forwarded-proto", "http")
                    .containsEntry("x-forwarded-port", Integer.toString(port));
            assertThat(b.lastHeaders.get("x-amzn-trace-id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");

            f.send(HttpRequest.newBuilder(f.uri("l", "/"))
                    .header("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793")
                    .build());
            assertThat(b.lastHeaders)
                    .containsEntry("x-amzn-trace-id", "Root=1-5759e988-bd862e3fe1be46a994272793")
                    .containsEntry("x-forwarded-for", "127.0.0.1");
        }
    }

    @Test
    void targetConnectionsAreKeptAliveAndReused() throws IOException {
        try (TestBackend b = new TestBackend("b");
                RouterFixture f = new RouterFixture()) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", b.target())));

            for (int i = 0; i < 25; i++) {
                assertThat(f.get("l", "/").body()).isEqualTo("b");
            }

            assertThat(b.requests.get()).isEqualTo(25);
            assertThat(b.clientPorts)
                    .as("one router-to-target connection for 25 sequential requests")
                    .hasSize(1);
        }
    }

    @Test
    void bodiesStreamBothWays() throws Exception {
        try (TestBackend b = new TestBackend("b");
                RouterFixture f = new RouterFixture()) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", b.target())));
            byte[] upload = new byte[24 << 20];
            new Random(7).nextBytes(upload);

            HttpResponse<String> digest = f.send(HttpRequest.newBuilder(f.uri("l", "/digest"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload))
                    .build());
            assertThat(digest.statusCode()).isEqualTo(200);
            assertThat(digest.body())
                    .isEqualTo(HexFormat.of().formatHex(TestBackend.sha256().digest(upload)));

            HttpResponse<InputStream> big = f.client.send(
                    HttpRequest.newBuilder(f.uri("l", "/big?mb=64")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long total;
            try (InputStream in = big.body()) {
                total = in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(total).isEqualTo(64L << 20);
        }
    }

    @Test
    void aListenerThatCannotBindIsReportedAndTheOthersServe() throws IOException {
        try (ServerSocket taken = new ServerSocket();
                TestBackend b = new TestBackend("b");
                RouterFixture f = new RouterFixture()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int busyPort = taken.getLocalPort();
            ApplyReport report = f.router.apply(new RoutingTable(
                    List.of(
                            Listener.http("busy", "127.0.0.1", taken.getLocalPort(), List.of(), Action.Forward.to("g")),
                            http("ok", List.of(), Action.Forward.to("g"))),
                    List.of(group("g", b.target()))));

            assertThat(report.failures()).singleElement().satisfies(o -> {
                assertThat(o.listenerId()).isEqualTo("busy");
                assertThat(o.error().orElseThrow()).contains(Integer.toString(taken.getLocalPort()));
            });
            assertThat(report.listener("ok").orElseThrow().bound()).isTrue();
            assertThat(f.get("ok", "/").body()).isEqualTo("b");

            int okPort = f.router.listenerAddress("ok").orElseThrow().getPort();
            taken.close();
            ApplyReport next = f.apply(new RoutingTable(
                    List.of(Listener.http("busy", "127.0.0.1", busyPort, List.of(), Action.Forward.to("g"))),
                    List.of(group("g", b.target()))));
            assertThat(next.listener("busy").orElseThrow().bound())
                    .as("tried again on the next apply")
                    .isTrue();
            assertThat(f.router.listenerAddress("ok"))
                    .as("a listener left out of the table is closed")
                    .isEmpty();
            assertThatThrownBy(() -> new Socket("127.0.0.1", okPort).close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndHeadHasNoBody() throws IOException {
        try (TestBackend a = new TestBackend("a");
                RouterFixture f = new RouterFixture()) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", a.target())));
            int port = f.router.listenerAddress("l").orElseThrow().getPort();

            String out = RawHttp.exchange(
                    port,
                    "GET /one HTTP/1.1\r\nHost: x\r\n\r\n"
                            + "HEAD /two HTTP/1.1\r\nHost: x\r\n\r\n"
                            + "POST /digest HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                            + "GET /three HTTP/1.1\r\nHost: x\r\n\r\n");

            String abc = HexFormat.of().formatHex(TestBackend.sha256().digest("abc".getBytes(StandardCharsets.UTF_8)));
            assertThat(out.split("HTTP/1.1 200 OK", -1)).hasSize(5);
            assertThat(out.indexOf("\r\n\r\na")).isLessThan(out.indexOf(abc));
            assertThat(out).endsWith("\r\n\r\na");
            assertThat(a.requests.get()).isEqualTo(4);
        }
    }

    @Test
    void expectContinueIsPassedThrough() throws IOException {
        try (TestBackend a = new TestBackend("a");
                RouterFixture f = new RouterFixture()) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", a.target())));

            HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("l", "/digest"))
                    .expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofString("abc"))
                    .build());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body())
                    .isEqualTo(HexFormat.of()
                            .formatHex(TestBackend.sha256().digest("abc".getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void aRequestOnAKeptAliveConnectionTheTargetJustClosedIsSentAgainOnANewOne() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket oneShot = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                RouterFixture f = new RouterFixture()) {
            Thread.ofVirtual()
                    .start(
                            () -> { // answers the first request of a connection, hangs up on the second
                                while (!oneShot.isClosed()) {
                                    try {
                                        Socket s = oneShot.accept();
                                        connections.incrementAndGet();
                                        Thread.ofVirtual().start(() -> {
                                            try (s) {
                                                var in = new BufferedReader(new InputStreamReader(
                                                        s.getInputStream(), StandardCharsets.US_ASCII));
                                                while (!in.readLine().isEmpty()) { // the request's head
                                                }
                                                s.getOutputStream()
                                                        .write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                                                .getBytes(StandardCharsets.US_ASCII));
                                                in.readLine(); // the next request arrives: close without an answer
                                            } catch (IOException ignored) {
                                                // the router went away
                                            }
                                        });
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            });
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("g")),
                    group("g", new Target("127.0.0.1", oneShot.getLocalPort())).withHealthCheck(Tables.TCP_CHECK)));

            assertThat(f.get("l", "/first").statusCode()).isEqualTo(200);
            assertThat(f.get("l", "/second").statusCode()).isEqualTo(200);
            assertThat(f.get("l", "/third").statusCode()).isEqualTo(200);
        }
    }
}
