package dev.gantry.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * A scripted stand-in for Gantry's endpoint in command tests: it answers each request by its action (the
 * {@code X-Amz-Target} of AWS JSON 1.1, or the {@code Action} form field of the Query protocol) with what the test's
 * function returns, and records the requests. The SDK clients talk to it for real (marshalling, signing, parsing),
 * so a test sees exactly which calls a command makes and what it sends.
 */
final class StubAws implements AutoCloseable {
    /** One request: its action and its body (JSON text, or the form fields decoded). */
    record Request(String action, String body, Map<String, String> form) {}

    /** One reply: HTTP status and body; the content type follows the request's protocol. */
    record Reply(int status, String body) {
        static Reply ok(String body) {
            return new Reply(200, body);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();

    StubAws(Function<Request, Reply> script) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Map<String, String> form = target == null ? form(body) : Map.of();
            Request request = new Request(
                    target == null ? form.getOrDefault("Action", "") : target.replaceFirst(".*\\.", ""), body, form);
            Reply reply;
            synchronized (requests) {
                requests.add(request);
            }
            try {
                reply = script.apply(request);
            } catch (RuntimeException e) {
                reply = new Reply(500, "stub: " + e);
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", target == null ? "text/xml" : "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<String> actions() {
        return requests().stream().map(Request::action).toList();
    }

    /** Runs {@code command} against this endpoint; returns the exit code, out and err. */
    Run run(ApiCommand command, String... args) {
        command.environment = Map.of("GANTRY_ACCESS_KEY_ID", "AKIDEXAMPLE", "GANTRY_SECRET_ACCESS_KEY", "secret");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", endpoint()));
        int code = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int exitCode, String out, String err) {}

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                fields.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
