package dev.gantry.router;

import static dev.gantry.router.Tables.group;
import static dev.gantry.router.Tables.http;
import static dev.gantry.router.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.router.table.Action;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How requests are framed on the way to the target and responses on the way back, over raw sockets on both sides:
 * what the client names in {@code Connection} cannot change framing (no smuggling), broken bodies are not passed on
 * as shorter ones, and HTTP/1.0 clients get answers they can read.
 */
class RouterHttpFramingTest {

    private static int start(RouterFixture f, ScriptedBackend backend) {
        f.apply(table(
                http("l", List.of(), Action.Forward.to("g")),
                group("g", backend.target()).withHealthCheck(Tables.TCP_CHECK)));
        return f.router.listenerAddress("l").orElseThrow().getPort();
    }

    @Test
    void framingHeadersNamedInConnectionAreKeptSoABodyCannotBecomeARequest() throws Exception {
        String smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        try (ScriptedBackend backend = ScriptedBackend.echo();
                RouterFixture f = new RouterFixture()) {
            int port = start(f, backend);

            String out = RawHttp.exchangeAsIs(
                    "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: " + smuggled.length()
                            + "\r\nConnection: close, content-length, transfer-encoding, host, x-amzn-trace-id\r\n\r\n"
                            + smuggled,
                    port);

            assertThat(out).startsWith("HTTP/1.1 200 OK").endsWith(" /a").containsOnlyOnce("HTTP/1.1");
            assertThat(backend.paths()).as("one request reached the target").containsExactly("/a");
            ScriptedBackend.Seen seen = backend.seen.getFirst();
            assertThat(seen.body()).isEqualTo(smuggled);
            assertThat(seen.headers())
                    .containsEntry("content-length", Integer.toString(smuggled.length()))
                    .containsEntry("host", "x")
                    .containsKey("x-amzn-trace-id")
                    .doesNotContainKey("connection");
        }
    }

    @Test
    void aBrokenChunkIs400AndTheTargetNeverGetsAShorterBodyAsWhole() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.echo();
                RouterFixture f = new RouterFixture()) {
            int port = start(f, backend);

            String out = RawHttp.exchangeAsIs(
                    "POST /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nZZ\r\nmore\r\n",
                    port);

            assertThat(out).startsWith("HTTP/1.1 400 Bad Request").contains("connection: close");
            assertThat(backend.paths())
                    .as("no complete request reached the target")
                    .doesNotContain("/c");
            assertThat(f.get("l", "/next").statusCode())
                    .as("the router still serves")
                    .isEqualTo(200);
            assertThat(backend.paths()).containsExactly("/next");
        }
    }

    @Test
    void anHttp10ClientGetsAnUnchunkedBodyEndedByTheCloseAndItsRequestAHost() throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend(s -> Optional.of(
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n3\r\n!!!\r\n0\r\n\r\n"));
                RouterFixture f = new RouterFixture()) {
            int port = start(f, backend);

            String out = RawHttp.exchangeAsIs("GET /chunked HTTP/1.0\r\n\r\n", port);

            assertThat(head(out)).doesNotContain("transfer-encoding").contains("connection: close");
            assertThat(out).endsWith("\r\n\r\nok!!!");
            assertThat(backend.seen.getFirst().line()).isEqualTo("GET /chunked HTTP/1.1");
            assertThat(backend.seen.getFirst().headers()).containsEntry("host", "127.0.0.1:" + port);

            String kept = RawHttp.exchangeAsIs("GET /chunked HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", port);
            assertThat(head(kept))
                    .as("a body without a length ends with the connection, even if the client asked to keep it")
                    .doesNotContain("transfer-encoding")
                    .contains("connection: close");
            assertThat(kept).endsWith("\r\n\r\nok!!!");
        }
    }

    private static String head(String response) {
        return response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    }

    @Test
    void everyXForwardedForLineIsKeptAndTheClientAppended() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.echo();
                RouterFixture f = new RouterFixture()) {
            int port = start(f, backend);

            RawHttp.exchange(
                    port,
                    "GET /xff HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.1\r\n"
                            + "X-Forwarded-For: 198.51.100.2, 192.0.2.3\r\n\r\n");

            assertThat(backend.seen.getFirst().headers())
                    .containsEntry("x-forwarded-for", "203.0.113.1, 198.51.100.2, 192.0.2.3, 127.0.0.1");
        }
    }
}
