package dev.gantry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.SigV4Verifier;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One connection that pipelines many requests stops being read once {@link NettyChannelHandler#MAX_WAITING} wait
 * unanswered, and is read again as they are answered. Handler threads are a queue the test drains by hand.
 */
class PipeliningBackpressureTest {

    /** Runs nothing until {@link #runAll}: the requests stay waiting. */
    static final class HeldExecutor extends AbstractExecutorService {
        final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        void runAll() {
            for (Runnable r; (r = held.poll()) != null; ) {
                r.run();
            }
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    @Test
    void readingPausesAtTheBoundAndResumesOnceAnswered() {
        SigV4Verifier verifier = new SigV4Verifier(Credentials.of(), InstantSource.system());
        AtomicLong ids = new AtomicLong();
        Dispatcher dispatcher = new Dispatcher(
                new AwsJsonEndpoint(List.of(), verifier),
                new QueryEndpoint(List.of(), verifier),
                List.of(),
                () -> "req-" + ids.incrementAndGet(),
                InstantSource.system());
        HeldExecutor handlers = new HeldExecutor();
        EmbeddedChannel channel =
                new EmbeddedChannel(new NettyChannelHandler(dispatcher, handlers, InstantSource.system()));

        for (int i = 1; i < NettyChannelHandler.MAX_WAITING; i++) {
            channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/health"));
        }
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/health"));
        assertThat(channel.config().isAutoRead()).isFalse();

        handlers.runAll(); // each answer chains the next request's handling onto the (held) executor
        while (!handlers.held.isEmpty()) {
            handlers.runAll();
        }
        channel.runPendingTasks();

        assertThat(channel.config().isAutoRead()).isTrue();
        int answered = 0;
        for (FullHttpResponse r; (r = channel.readOutbound()) != null; answered++) {
            assertThat(r.status().code()).isEqualTo(200);
            r.release();
        }
        assertThat(answered).isEqualTo(NettyChannelHandler.MAX_WAITING);
        channel.finishAndReleaseAll();
    }
}
