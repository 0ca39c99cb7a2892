package dev.gantry.bench;

import dev.gantry.router.ApplyReport;
import dev.gantry.router.Router;
import dev.gantry.router.RouterOptions;
import dev.gantry.router.net.Transport;
import dev.gantry.router.table.Action;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The router against Debian's nginx as a reverse proxy, in the same run: one nginx serves a small static file on
 * loopback (the backend both proxy), then {@code wrk} (keep-alive, fixed threads and connections, bounded duration)
 * loads the backend directly, then nginx-as-proxy and the router in turn for a number of rounds (ABBA order), all
 * after a 5 s warm-up each (the router's JIT). Both proxies get the same number of I/O threads
 * (nginx {@code worker_processes}, the router's {@code ioThreads}; 1 by default) and keep-alive connections to the backend. Prints
 * requests/s, p50 and p99 latency, CPU time per request of each proxy process (nginx's single worker, read from
 * /proc; the router's whole JVM), and the router/nginx ratios. Netty's leak detector is off unless
 * {@code -Dio.netty.leakDetection.level} says otherwise. On a shared machine the CPU per request is the
 * steadier figure: throughput and latency move with whatever else runs.
 * Usage: {@code ./gantry bench router [seconds] [connections] [workers] [rounds]} (default 10 s, 50 connections,
 * 1 worker, 2 rounds; wrk -t2).
 */
public final class RouterBench {
    private static final String BODY = "<html><body>hello from the backend</body></html>\n";
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PCT = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: (.*)");

    private RouterBench() {}

    private record Result(
            String name, double rps, double p50Millis, double p99Millis, String errors, double cpuMicros) {}

    public static void main(String[] args) throws Exception {
        // Netty's leak detector samples buffers with stack traces: a debugging aid, off as in production
        // (-Dio.netty.leakDetection.level=simple to measure with it)
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String nginx = tool("nginx", "/usr/sbin/nginx");
        String wrk = tool("wrk", "/usr/bin/wrk");
        Path dir = Files.createTempDirectory("gantry-router-bench");
        int backendPort = freePort();
        int nginxPort = freePort();
        Process backend = startNginx(nginx, dir.resolve("backend"), backendConfig(backendPort, dir));
        Process proxy = startNginx(nginx, dir.resolve("proxy"), proxyConfig(nginxPort, backendPort, dir, workers));
        try (Router router = Router.start(RouterOptions.defaults().withIoThreads(workers))) {
            ApplyReport report = router.apply(new RoutingTable(
                    List.of(Listener.http("bench", Listener.LOOPBACK, 0, List.of(), Action.Forward.to("backend"))),
                    List.of(TargetGroup.http("backend", List.of(new Target("127.0.0.1", backendPort))))));
            int routerPort = report.listener("bench")
                    .orElseThrow()
                    .address()
                    .orElseThrow()
                    .getPort();
            awaitAnswer(backendPort);
            awaitAnswer(nginxPort);
            awaitAnswer(routerPort);
            System.out.printf(
                    "router bench: wrk -t2 -c%d -d%ds --latency, static %d-byte file from nginx on loopback;"
                            + " proxies with %d I/O thread(s)/worker(s), router transport %s%n",
                    connections, seconds, BODY.length(), workers, Transport.name());
            warmUp(wrk, backendPort, connections);
            warmUp(wrk, nginxPort, connections);
            warmUp(wrk, routerPort, connections);
            LongSupplier backendCpu = () -> processCpuNanos(backend.pid());
            LongSupplier nginxCpu = () -> processCpuNanos(proxy.pid());
            LongSupplier routerCpu = () -> ProcessHandle.current()
                    .info()
                    .totalCpuDuration()
                    .orElseThrow()
                    .toNanos();
            Result direct = load(wrk, "backend direct", backendPort, connections, seconds, backendCpu);
            List<Result> nginxRuns = new ArrayList<>();
            List<Result> routerRuns = new ArrayList<>();
            List<Double> ioMicros = new ArrayList<>();
            for (int round = 0; round < rounds; round++) { // ABBA order, so a drift in the machine's load cancels out
                boolean nginxFirst = round % 2 == 0;
                for (int i = 0; i < 2; i++) {
                    if (nginxFirst == (i == 0)) {
                        nginxRuns.add(load(wrk, "nginx proxy", nginxPort, connections, seconds, nginxCpu));
                    } else {
                        long ioBefore = ioThreadCpuNanos();
                        Result r = load(wrk, "gantry router", routerPort, connections, seconds, routerCpu);
                        routerRuns.add(r);
                        ioMicros.add((ioThreadCpuNanos() - ioBefore) / 1000.0 / (r.rps() * seconds));
                    }
                }
            }
            System.out.printf(
                    "%n%-16s %12s %10s %10s %14s  %s%n", "", "req/s", "p50 ms", "p99 ms", "CPU us/request", "errors");
            print(direct);
            for (int round = 0; round < rounds; round++) {
                print(nginxRuns.get(round));
                print(routerRuns.get(round));
            }
            Result n = mean("nginx proxy", nginxRuns);
            Result g = mean("gantry router", routerRuns);
            System.out.printf("mean of %d rounds:%n", rounds);
            print(n);
            print(g);
            System.out.printf(
                    "%nrouter / nginx: throughput %.2fx (target >= 0.9), p50 %.2fx, p99 %.2fx (target <= 1.5)%n",
                    g.rps() / n.rps(), g.p50Millis() / n.p50Millis(), g.p99Millis() / n.p99Millis());
            System.out.printf(
                    "CPU per request, router / nginx: %.2fx (the router's whole JVM against nginx's worker process)%n",
                    g.cpuMicros() / n.cpuMicros());
            System.out.printf(
                    "of the router's %.1f us per request, its I/O thread(s) used %.1f us (the rest: GC, JIT, the JVM)%n",
                    g.cpuMicros(),
                    ioMicros.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        } finally {
            proxy.destroy();
            backend.destroy();
            proxy.waitFor(5, TimeUnit.SECONDS);
            backend.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void print(Result r) {
        System.out.printf(
                "%-16s %12.0f %10.3f %10.3f %14.1f  %s%n",
                r.name(), r.rps(), r.p50Millis(), r.p99Millis(), r.cpuMicros(), r.errors());
    }

    private static Result mean(String name, List<Result> runs) {
        return new Result(
                name,
                runs.stream().mapToDouble(Result::rps).average().orElseThrow(),
                runs.stream().mapToDouble(Result::p50Millis).average().orElseThrow(),
                runs.stream().mapToDouble(Result::p99Millis).average().orElseThrow(),
                runs.stream()
                        .map(Result::errors)
                        .distinct()
                        .reduce((a, b) -> a + " " + b)
                        .orElseThrow(),
                runs.stream().mapToDouble(Result::cpuMicros).average().orElseThrow());
    }

    private static void warmUp(String wrk, int port, int connections) throws Exception {
        run(List.of(wrk, "-t2", "-c" + connections, "-d5s", "http://127.0.0.1:" + port + "/index.html"));
    }

    private static Result load(String wrk, String name, int port, int connections, int seconds, LongSupplier cpuNanos)
            throws Exception {
        String url = "http://127.0.0.1:" + port + "/index.html";
        long cpuBefore = cpuNanos.getAsLong();
        String out = run(List.of(wrk, "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", url));
        long cpu = cpuNanos.getAsLong() - cpuBefore;
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("could not read wrk's output:\n" + out);
        }
        double p50 = 0;
        double p99 = 0;
        Matcher pct = PCT.matcher(out);
        while (pct.find()) {
            double v = Double.parseDouble(pct.group(2))
                    * switch (pct.group(3)) {
                        case "us" -> 0.001;
                        case "s" -> 1000.0;
                        default -> 1.0;
                    };
            if (pct.group(1).equals("50")) {
                p50 = v;
            } else {
                p99 = v;
            }
        }
        StringBuilder errors = new StringBuilder();
        Matcher e = ERRORS.matcher(out);
        while (e.find()) {
            errors.append(e.group().strip()).append(' ');
        }
        Matcher total = TOTAL.matcher(out);
        double requests = total.find() ? Double.parseDouble(total.group(1)) : Double.NaN;
        return new Result(
                name,
                Double.parseDouble(rps.group(1)),
                p50,
                p99,
                errors.isEmpty() ? "none" : errors.toString(),
                cpu / 1000.0 / requests);
    }

    /** CPU time of the router's I/O threads so far. */
    private static long ioThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("gantry-router-io")) {
                total += Math.max(0, threads.getThreadCpuTime(t.threadId()));
            }
        }
        return total;
    }

    /** utime + stime of a process and its descendants (nginx's workers), from /proc (10 ms clock ticks). */
    private static long processCpuNanos(long pid) {
        long ticks = ticks(pid);
        for (ProcessHandle child :
                ProcessHandle.of(pid).orElseThrow().descendants().toList()) {
            ticks += ticks(child.pid());
        }
        return ticks * 10_000_000L;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String backendConfig(int port, Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), BODY);
        return common(dir.resolve("backend"), 1) + "http {\n access_log off;\n keepalive_requests 1000000;\n"
                + " server {\n  listen 127.0.0.1:" + port + ";\n  root " + root + ";\n }\n}\n";
    }

    private static String proxyConfig(int port, int backendPort, Path dir, int workers) {
        return common(dir.resolve("proxy"), workers) + "http {\n access_log off;\n keepalive_requests 1000000;\n"
                + " upstream backend {\n  server 127.0.0.1:" + backendPort + ";\n  keepalive 64;\n }\n"
                + " server {\n  listen 127.0.0.1:" + port + ";\n  location / {\n   proxy_pass http://backend;\n"
                + "   proxy_http_version 1.1;\n   proxy_set_header Connection \"\";\n"
                + "   proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n  }\n }\n}\n";
    }

    private static String common(Path prefix, int workers) {
        return "worker_processes " + workers + ";\ndaemon off;\nmaster_process " + (workers > 1 ? "on" : "off")
                + ";\nerror_log " + prefix.resolve("error.log") + " warn;\npid " + prefix.resolve("nginx.pid")
                + ";\nevents { worker_connections 4096; }\n";
    }

    private static Process startNginx(String nginx, Path prefix, String config) throws IOException {
        Files.createDirectories(prefix.resolve("logs"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config);
        return new ProcessBuilder(nginx, "-p", prefix.toString(), "-c", conf.toString(), "-e", prefix + "/error.log")
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("stdout.log").toFile())
                .start();
    }

    private static void awaitAnswer(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/index.html")
                        .toURL()
                        .openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("nothing answers on port " + port, e);
                }
            }
            Thread.sleep(50);
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static String tool(String name, String fallback) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        if (Files.isExecutable(Path.of(fallback))) {
            return fallback;
        }
        throw new IllegalStateException(name + " is not installed: the router benchmark compares against Debian's "
                + "nginx and loads both with wrk ('apt-get install nginx wrk').");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
