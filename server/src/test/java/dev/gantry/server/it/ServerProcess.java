package dev.gantry.server.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Gantry as a separate OS process (so a test can kill -9 it), started from this JVM's classpath. */
final class ServerProcess implements AutoCloseable {
    final Process process;
    final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static ServerProcess start(Path dataDir, int port) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gantry.server.Main",
                "server",
                "--port",
                String.valueOf(port),
                "--data-dir",
                dataDir.toString());
        pb.environment().putAll(TestGantry.env());
        pb.redirectErrorStream(true);
        pb.redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        ServerProcess sp = new ServerProcess(pb.start(), port);
        sp.awaitHealthy();
        return sp;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gantry server exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(endpoint() + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("gantry server did not become healthy on port " + port);
    }

    /** kill -9: no shutdown hooks, no cleanup. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
