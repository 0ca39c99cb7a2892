package dev.gantry.api.http;

import static dev.gantry.api.http.ApiServerHttpTest.ALICE;
import static dev.gantry.api.http.ApiServerHttpTest.ECS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.auth.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Raw sockets that send less than they promise, or far more than is allowed: the client always gets a readable
 * answer, and the connection is not held open with nothing said.
 */
class ApiServerSlowClientTest {

    /** How long the test waits for any answer: well above the server's read timeout, so only silence fails it. */
    static final int SOCKET_TIMEOUT_MS = 15_000;

    final FakeService ecs = FakeService.ecs();
    ApiServer server;

    @BeforeEach
    void start() {
        ecs.on("Echo", input -> input);
        server = ApiServer.builder()
                .service(ecs)
                .credentials(Credentials.of(ALICE))
                .maxContentLength(64 * 1024)
                .requestReadTimeout(Duration.ofSeconds(1))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        return socket;
    }

    static String head(long contentLength) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: " + ECS + "Echo\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aBodyShorterThanItsContentLengthGetsRequestTimeoutAndTheConnectionCloses() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(100).getBytes(StandardCharsets.US_ASCII));
            out.write("{\"a\":".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readToEnd(socket.getInputStream()); // returns only once the server closes

            assertThat(answer)
                    .startsWith("HTTP/1.1 400")
                    .contains("x-amzn-ErrorType: RequestTimeout")
                    .contains("\"__type\":\"RequestTimeout\"")
                    .contains("not read from or written to within the timeout period")
                    .containsIgnoringCase("connection: close");
            assertThat(ecs.calls).isEmpty();
        }
    }

    /** The interim 100 is not an answer: the body that then stalls still gets its 400, not a silent close. */
    @Test
    void aBodyThatStallsAfter100ContinueGetsRequestTimeout() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            String head = head(100).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n");
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] interim = socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertThat(new String(interim, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100 Continue");
            out.write("{\"a\":".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readToEnd(socket.getInputStream()))
                    .startsWith("HTTP/1.1 400")
                    .contains("\"__type\":\"RequestTimeout\"");
            assertThat(ecs.calls).isEmpty();
        }
    }

    /**
     * After a 100-continue request is answered, a second request on the same connection that stalls is timed out
     * like any other (the interim 100 must not count as the answer to it).
     */
    @Test
    void aKeptAliveRequestStallingAfterAnEarlier100ContinueGetsRequestTimeout() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            String body = "{}";
            out.write(head(body.length())
                    .replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(ApiServerLifecycleTest.readResponses(socket.getInputStream(), 1))
                    .hasSize(1);
            out.write(head(100).getBytes(StandardCharsets.US_ASCII));
            out.write("{\"a\":".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readToEnd(socket.getInputStream()))
                    .startsWith("HTTP/1.1 400")
                    .contains("\"__type\":\"RequestTimeout\"");
        }
    }

    @Test
    void aHeadThatStopsHalfwayGetsRequestTimeoutToo() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Tar".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            assertThat(readToEnd(socket.getInputStream()))
                    .startsWith("HTTP/1.1 400")
                    .contains("RequestTimeout");
        }
    }

    @Test
    void anIdleKeptAliveConnectionBetweenRequestsIsNotTimedOut() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(ApiServerLifecycleTest.readResponses(socket.getInputStream(), 1))
                    .containsExactly("ok");

            Thread.sleep(2_500); // idle for more than the read timeout, with no request under way

            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(ApiServerLifecycleTest.readResponses(socket.getInputStream(), 1))
                    .containsExactly("ok");
        }
    }

    @Test
    void aTwentyMegabyteBodyIsReadInFullAndAnsweredWithAReadable413() throws Exception {
        int length = 20 * 1024 * 1024;
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(length).getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk); // a reset here ("Connection reset", "Broken pipe") is the bug
            }
            out.flush();

            String answer = readToEnd(socket.getInputStream());

            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("SerializationException")
                    .contains("Request body is larger than the maximum of 65536 bytes.")
                    .containsIgnoringCase("connection: close");
        }
    }

    static String formHead(long contentLength, String extra) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
                + extra + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** A Query (form-encoded) client reads the edge's 413 as the Query protocol's XML ErrorResponse, not JSON. */
    @Test
    void anOversizedFormEncodedRequestGetsAQueryXml413() throws Exception {
        int length = 100 * 1024;
        {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                out.write(formHead(length, "Connection: close\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(
                        ("Action=GetCallerIdentity&X=" + "a".repeat(length - 27)).getBytes(StandardCharsets.US_ASCII));
                out.flush();

                assertThat(readToEnd(socket.getInputStream()))
                        .startsWith("HTTP/1.1 413")
                        .containsIgnoringCase("content-type: text/xml")
                        .contains("<ErrorResponse>")
                        .contains("<Type>Sender</Type>")
                        .contains("<Code>InvalidQueryParameter</Code>")
                        .contains("Request body is larger than the maximum of 65536 bytes.")
                        .contains("<RequestId>")
                        .doesNotContain("__type");
            }
        }
        try (Socket socket = connect()) { // declared too large up front: the 413 instead of 100 Continue
            OutputStream out = socket.getOutputStream();
            out.write(formHead(length, "Expect: 100-continue\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readToEnd(socket.getInputStream()))
                    .startsWith("HTTP/1.1 413")
                    .contains("<Code>InvalidQueryParameter</Code>")
                    .doesNotContain("__type");
        }
    }

    @Test
    void aFormEncodedRequestThatStopsArrivingGetsQueryXmlRequestTimeout() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(formHead(100, "").getBytes(StandardCharsets.US_ASCII));
            out.write("Action=Get".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readToEnd(socket.getInputStream()))
                    .startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("content-type: text/xml")
                    .contains("<Code>RequestTimeout</Code>")
                    .doesNotContain("__type");
        }
    }
}
