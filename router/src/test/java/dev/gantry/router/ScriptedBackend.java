package dev.gantry.router;

import dev.gantry.router.table.Target;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A raw-socket HTTP/1.x backend for router tests that must see exactly what went over the wire (framing headers,
 * how many requests, on which connection). It parses each request head and its body (Content-Length or chunked),
 * records it, and writes what the script returns for it: a raw response, or empty to hang up without answering.
 * A response without {@code Connection: close} keeps the connection open for the next request; one with it closes
 * the connection, unless {@link #lingerAfterClose} is set (then the backend keeps serving it, so a test can see
 * whether the router wrongly sent another request on it).
 */
final class ScriptedBackend implements AutoCloseable {
    /** One request as the backend read it: connection number (from 1), request line, headers (lower-case), body. */
    record Seen(int connection, String line, Map<String, String> headers, String body) {
        String path() {
            return line.split(" ")[1];
        }
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    /** Connections the router closed between requests. */
    final Set<Integer> closedByRouter = ConcurrentHashMap.newKeySet();

    volatile boolean lingerAfterClose;
    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Function<Seen, Optional<String>> script;

    ScriptedBackend(Function<Seen, Optional<String>> script) throws IOException {
        this.script = script;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    /** A backend answering 200 with "conn<N> <path>" to every request, kept alive. */
    static ScriptedBackend echo() throws IOException {
        return new ScriptedBackend(s -> Optional.of(ok("conn" + s.connection() + " " + s.path())));
    }

    static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    Target target() {
        return new Target("127.0.0.1", server.getLocalPort());
    }

    List<String> paths() {
        return seen.stream().map(Seen::path).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                int id = connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s, id));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int id) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    closedByRouter.add(id);
                    return;
                }
                String[] lines = head.split("\r\n");
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.merge(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip(),
                            (a, b) -> a + "|" + b);
                }
                String body = readBody(in, headers);
                Seen request = new Seen(id, lines[0], headers, body);
                seen.add(request);
                Optional<String> answer = script.apply(request);
                if (answer.isEmpty()) {
                    return;
                }
                out.write(answer.get().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (!lingerAfterClose && answer.get().toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n")) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the router hung up, or sent something this backend cannot parse: the test sees it in `seen`
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            head.append((char) c);
        }
        return head.substring(0, head.length() - 4);
    }

    private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.containsKey("content-length")) {
            int n = Integer.parseInt(headers.get("content-length"));
            return new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
        }
        if (!headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            return "";
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int n = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (n == 0) {
                while (!readLine(in).isEmpty()) { // trailers
                }
                return body.toString(StandardCharsets.ISO_8859_1);
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (!line.toString().endsWith("\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed in a chunked body");
            }
            line.append((char) c);
        }
        return line.substring(0, line.length() - 2);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : new ArrayList<>(open)) {
            s.close();
        }
    }
}
