package dev.gantry.router;

import static dev.gantry.router.Tables.http;
import static dev.gantry.router.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gantry.router.health.TargetState;
import dev.gantry.router.table.Action;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import dev.gantry.router.table.TargetProtocol;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connections that stop being HTTP/1.1 request/response: a TCP listener, a WebSocket upgrade, h2c. */
class RouterStreamsTest {

    @Test
    void aTcpListenerRelaysBytesToAHealthyTarget() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RouterFixture f = new RouterFixture()) {
            Thread.ofVirtual().start(() -> serveEcho(echo));
            Target target = new Target("127.0.0.1", echo.getLocalPort());
            f.apply(new RoutingTable(
                    List.of(Listener.tcp("pg", Listener.LOOPBACK, 0, "db")),
                    List.of(new TargetGroup(
                            "db",
                            TargetProtocol.TCP,
                            Tables.TCP_CHECK,
                            Duration.ZERO,
                            Duration.ZERO,
                            List.of(target)))));
            f.awaitState("db", target, TargetState.HEALTHY);

            int port = f.router.listenerAddress("pg").orElseThrow().getPort();
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                for (String line : List.of("SELECT 1;\n", "SELECT 2;\n")) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    assertThat(new String(in.readNBytes(line.length()), StandardCharsets.UTF_8))
                            .isEqualTo(line);
                }
            }
        }
    }

    private static void serveEcho(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> {
                    try (s) {
                        s.getInputStream().transferTo(s.getOutputStream());
                    } catch (IOException ignored) {
                        // the client went away
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    @Test
    void aWebSocketUpgradePassesThrough() throws Exception {
        EventLoopGroup loop = new NioEventLoopGroup(1);
        try (RouterFixture f = new RouterFixture()) {
            Channel server = new ServerBootstrap()
                    .group(loop)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec(), new HttpObjectAggregator(65536))
                                    .addLast(new WebSocketServerProtocolHandler("/ws"))
                                    .addLast(new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame m) {
                                            ctx.writeAndFlush(new TextWebSocketFrame("echo:" + m.text()));
                                        }
                                    });
                        }
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
            int backendPort = ((InetSocketAddress) server.localAddress()).getPort();
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("ws")),
                    Tables.group("ws", new Target("127.0.0.1", backendPort)).withHealthCheck(Tables.TCP_CHECK)));

            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            URI uri = URI.create(f.uri("l", "/ws").toString().replace("http://", "ws://"));
            WebSocket ws = f.client
                    .newWebSocketBuilder()
                    .buildAsync(uri, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            received.add(data.toString());
                            webSocket.request(1);
                            return null;
                        }
                    })
                    .get(20, TimeUnit.SECONDS);
            ws.sendText("hello", true).get(20, TimeUnit.SECONDS);
            ws.sendText("again", true).get(20, TimeUnit.SECONDS);

            assertThat(received.poll(20, TimeUnit.SECONDS)).isEqualTo("echo:hello");
            assertThat(received.poll(20, TimeUnit.SECONDS)).isEqualTo("echo:again");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(20, TimeUnit.SECONDS);
            server.close().sync();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void h2cWithPriorKnowledgePassesThroughToOneTarget() throws Exception {
        assumeTrue(
                Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, "curl"))),
                "curl (with HTTP/2) is the h2c client of this test; ./gantry installs it");
        EventLoopGroup loop = new NioEventLoopGroup(1);
        try (RouterFixture f = new RouterFixture()) {
            Channel server = new ServerBootstrap()
                    .group(loop)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(Http2FrameCodecBuilder.forServer().build())
                                    .addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                                        @Override
                                        protected void initChannel(Channel stream) {
                                            stream.pipeline().addLast(new H2Hello());
                                        }
                                    }));
                        }
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
            int backendPort = ((InetSocketAddress) server.localAddress()).getPort();
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("h2")),
                    Tables.group("h2", new Target("127.0.0.1", backendPort)).withHealthCheck(Tables.TCP_CHECK)));

            for (String path : List.of("/a", "/b")) {
                Process curl = new ProcessBuilder(
                                "curl",
                                "-sS",
                                "--http2-prior-knowledge",
                                "-w",
                                " %{http_version}",
                                f.uri("l", path).toString())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(curl.waitFor()).as(out).isZero();
                assertThat(out).isEqualTo("h2 " + path + " 2");
            }
            server.close().sync();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** An HTTP/2 stream handler answering "h2 PATH". */
    private static final class H2Hello extends SimpleChannelInboundHandler<Http2HeadersFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
            if (frame.isEndStream()) {
                ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")));
                ctx.writeAndFlush(new DefaultHttp2DataFrame(
                        Unpooled.copiedBuffer("h2 " + frame.headers().path(), StandardCharsets.UTF_8), true));
            }
        }
    }
}
