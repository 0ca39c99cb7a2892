package dev.gantry.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.router.table.Action;
import dev.gantry.router.table.HealthCheck;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import dev.gantry.router.table.TargetProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Target connections that cannot be made (a target whose accept queue is full): their lifetime and answers. */
class RouterTcpRelayTest {

    @Test
    void aClientThatLeavesWhileTheTargetConnectionIsStillConnectingLeavesNoTargetConnectionOpen() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Set<Socket> stillOpen = ConcurrentHashMap.newKeySet();
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket slowToAccept = new ServerSocket(0, 1, loopback);
                RouterFixture f = new RouterFixture(RouterOptions.defaults().withIoThreads(1))) {
            for (int i = 0; i < 2; i++) { // fill the accept queue: the router's connect now waits on SYN retries
                fillers.add(new Socket(loopback, slowToAccept.getLocalPort()));
            }
            Target target = new Target("127.0.0.1", slowToAccept.getLocalPort());
            HealthCheck rare = Tables.TCP_CHECK.withTiming(Duration.ofSeconds(100), Duration.ofMillis(300), 2, 2);
            f.apply(new RoutingTable(
                    List.of(Listener.tcp("t", Listener.LOOPBACK, 0, "g")),
                    List.of(new TargetGroup(
                            "g", TargetProtocol.TCP, rare, Duration.ZERO, Duration.ZERO, List.of(target)))));
            int port = f.router.listenerAddress("t").orElseThrow().getPort();

            try (Socket client = new Socket(loopback, port)) {
                Thread.sleep(300); // the router accepted it and is connecting (no assertion on time)
                client.setSoLinger(true, 0); // reset: the router sees it although it does not read yet
            }
            Thread.sleep(500);
            for (Socket s : fillers) {
                s.close();
            }
            Thread.ofVirtual()
                    .start(
                            () -> { // accept whatever still arrives; note those the router never closes
                                while (!slowToAccept.isClosed()) {
                                    try {
                                        Socket s = slowToAccept.accept();
                                        stillOpen.add(s);
                                        Thread.ofVirtual().start(() -> {
                                            try (s) {
                                                s.getInputStream().transferTo(OutputStream.nullOutputStream());
                                            } catch (IOException ignored) {
                                                // reset by the router: closed too
                                            }
                                            stillOpen.remove(s);
                                        });
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            });
            Thread.sleep(4000); // past the kernel's SYN retries (1 s, 3 s): a leaked connect completes by then

            assertThat(stillOpen).as("target connections open without a client").isEmpty();
        }
    }

    @Test
    void aConnectThatTimesOutIs504() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket slowToAccept = new ServerSocket(0, 1, loopback);
                RouterFixture f = new RouterFixture(
                        RouterOptions.defaults().withIoThreads(1).withConnectTimeout(Duration.ofMillis(300)))) {
            for (int i = 0; i < 2; i++) { // fill the accept queue: a connect now waits on SYN retries
                fillers.add(new Socket(loopback, slowToAccept.getLocalPort()));
            }
            f.apply(Tables.table(
                    Tables.http("l", List.of(), Action.Forward.to("g")),
                    Tables.group("g", new Target("127.0.0.1", slowToAccept.getLocalPort()))
                            .withHealthCheck(Tables.TCP_CHECK.withTiming(
                                    Duration.ofSeconds(100), Duration.ofMillis(300), 2, 2))));

            assertThat(f.get("l", "/").statusCode()).isEqualTo(504);
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void aRelaySilentBothWaysForTheClientIdleTimeoutIsClosed() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket quiet = new ServerSocket(0, 50, loopback);
                RouterFixture f = new RouterFixture(
                        RouterOptions.defaults().withIoThreads(1).withClientIdleTimeout(Duration.ofMillis(500)))) {
            Thread.ofVirtual()
                    .start(
                            () -> { // accepts and never says anything
                                while (!quiet.isClosed()) {
                                    try {
                                        Socket s = quiet.accept();
                                        Thread.ofVirtual().start(() -> {
                                            try (s) {
                                                s.getInputStream().transferTo(OutputStream.nullOutputStream());
                                            } catch (IOException ignored) {
                                                // closed
                                            }
                                        });
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            });
            Target target = new Target("127.0.0.1", quiet.getLocalPort());
            f.apply(new RoutingTable(
                    List.of(Listener.tcp("t", Listener.LOOPBACK, 0, "g")),
                    List.of(new TargetGroup(
                            "g",
                            TargetProtocol.TCP,
                            Tables.TCP_CHECK,
                            Duration.ZERO,
                            Duration.ZERO,
                            List.of(target)))));
            int port = f.router.listenerAddress("t").orElseThrow().getPort();

            try (Socket client = new Socket(loopback, port)) {
                client.setSoTimeout(20_000);
                assertThat(client.getInputStream().read())
                        .as("the router closes the idle relay")
                        .isEqualTo(-1);
            }
        }
    }
}
