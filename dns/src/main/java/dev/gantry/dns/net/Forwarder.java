package dev.gantry.dns.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Relays questions outside Gantry's zones to the host's resolvers, as a stub resolver would: over UDP from one
 * socket, under a fresh random id, to each upstream in turn until one answers within the timeout; the upstream's
 * reply goes back to the client byte for byte (its id restored). With no upstream, or none answering, the client
 * gets SERVFAIL. A truncated upstream reply is relayed as is (the client retries over TCP, which Gantry forwards
 * over UDP again: names whose answers exceed a UDP datagram do not resolve through Gantry).
 */
public final class Forwarder implements AutoCloseable {
    private static final int MAX_PENDING = 60_000;

    private record Pending(
            DnsQuery query,
            DnsQuestion question,
            Responder out,
            int attempt,
            InetSocketAddress upstream,
            ScheduledFuture<?> timeout) {}

    private final List<InetSocketAddress> upstreams;
    private final long timeoutNanos;
    private final ConcurrentHashMap<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Channel socket;

    public Forwarder(List<InetSocketAddress> upstreams, Duration timeout, EventLoopGroup group) {
        this.upstreams = List.copyOf(upstreams);
        this.timeoutNanos = timeout.toNanos();
        this.socket = new Bootstrap()
                .group(group)
                .channel(Transport.datagramChannel())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryEncoder(), new Replies());
                    }
                })
                .bind(0)
                .syncUninterruptibly()
                .channel();
    }

    public List<InetSocketAddress> upstreams() {
        return upstreams;
    }

    /** Forwards {@code query} (retained here until answered or given up on). */
    void forward(DnsQuery query, DnsQuestion question, Responder out) {
        if (upstreams.isEmpty() || pending.size() >= MAX_PENDING) {
            out.sendNow(Queries.fail(query, out, DnsResponseCode.SERVFAIL, question));
            return;
        }
        query.retain();
        send(query, question, out, 0);
    }

    private void send(DnsQuery query, DnsQuestion question, Responder out, int attempt) {
        InetSocketAddress upstream = upstreams.get(attempt);
        int id;
        do {
            id = ThreadLocalRandom.current().nextInt(0x10000);
        } while (pending.containsKey(id));
        int chosen = id;
        ScheduledFuture<?> timeout =
                socket.eventLoop().schedule(() -> expire(chosen), timeoutNanos, TimeUnit.NANOSECONDS);
        pending.put(id, new Pending(query, question, out, attempt, upstream, timeout));
        DatagramDnsQuery upstreamQuery = new DatagramDnsQuery(null, upstream, id, query.opCode());
        upstreamQuery.setRecursionDesired(query.isRecursionDesired());
        upstreamQuery.addRecord(DnsSection.QUESTION, question);
        for (int i = 0; i < query.count(DnsSection.ADDITIONAL); i++) {
            DnsRecord r = query.recordAt(DnsSection.ADDITIONAL, i);
            upstreamQuery.addRecord(DnsSection.ADDITIONAL, r instanceof DnsRawRecord raw ? raw.retainedDuplicate() : r);
        }
        socket.writeAndFlush(upstreamQuery);
    }

    private void expire(int id) {
        Pending p = pending.remove(id);
        if (p == null) {
            return;
        }
        if (p.attempt() + 1 < upstreams.size()) {
            send(p.query(), p.question(), p.out(), p.attempt() + 1);
            return;
        }
        try {
            p.out().sendNow(Queries.fail(p.query(), p.out(), DnsResponseCode.SERVFAIL, p.question()));
        } finally {
            p.query().release();
        }
    }

    /** Upstream replies: matched by id and sender, relayed with the client's id. */
    private final class Replies extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf message = packet.content();
            if (message.readableBytes() < 12) {
                return;
            }
            int id = message.getUnsignedShort(0);
            Pending p = pending.get(id);
            if (p == null || !p.upstream().equals(packet.sender()) || !pending.remove(id, p)) {
                return;
            }
            p.timeout().cancel(false);
            ByteBuf reply = message.retainedDuplicate();
            reply.setShort(reply.readerIndex(), p.query().id());
            try {
                p.out().relay(reply);
            } finally {
                p.query().release();
            }
        }
    }

    @Override
    public void close() {
        socket.close().syncUninterruptibly();
        for (Integer id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.timeout().cancel(false);
                p.query().release();
            }
        }
    }
}
