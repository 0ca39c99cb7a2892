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
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Relays questions outside Gantry's zones to the host's resolvers, as a stub resolver would: under a fresh random id,
 * from one of a small fixed pool of UDP sockets on kernel-chosen (random) ports picked at random per query, to each
 * upstream in turn until one answers within the timeout; the upstream's reply goes back to the client byte for byte
 * (its id restored). A reply is taken only when it comes from the upstream asked, to the socket asked from, with the
 * id and the question (name, type, class) asked: a spoofer must guess id, port and question. Each client has a bounded
 * share of the forwards waiting ({@link Limits}); beyond it, or with no upstream, or none answering, the client gets
 * SERVFAIL. Of the client's additional records only its EDNS OPT goes upstream, its UDP size capped. A truncated
 * upstream reply is relayed as is (the client retries over TCP, which Gantry forwards over UDP again: names whose
 * answers exceed a UDP datagram do not resolve through Gantry).
 */
public final class Forwarder implements AutoCloseable {
    /** Sockets in the pool: each query leaves from one of them at random. */
    static final int SOCKETS = 8;

    /** One forward waiting for its upstream; identity equality, so a late timer never removes another's entry. */
    private static final class Pending {
        final DnsQuery query;
        final DnsQuestion question;
        final Responder out;
        final InetAddress client;
        final int attempt;
        final int socket;
        final InetSocketAddress upstream;
        volatile ScheduledFuture<?> timeout;

        Pending(
                DnsQuery query,
                DnsQuestion question,
                Responder out,
                InetAddress client,
                int attempt,
                int socket,
                InetSocketAddress upstream) {
            this.query = query;
            this.question = question;
            this.out = out;
            this.client = client;
            this.attempt = attempt;
            this.socket = socket;
            this.upstream = upstream;
        }

        void cancelTimeout() {
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
        }
    }

    private final List<InetSocketAddress> upstreams;
    private final long timeoutNanos;
    private final Limits limits;
    private final ClientCounts shares;
    // keyed by id alone (not per socket): ids stay unique across the pool
    private final ConcurrentHashMap<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Channel[] sockets = new Channel[SOCKETS];

    public Forwarder(List<InetSocketAddress> upstreams, Duration timeout, EventLoopGroup group, Limits limits) {
        this.upstreams = List.copyOf(upstreams);
        this.timeoutNanos = timeout.toNanos();
        this.limits = limits;
        this.shares = new ClientCounts(limits.pending(), limits.pendingPerClient());
        try {
            for (int i = 0; i < SOCKETS; i++) {
                int index = i;
                sockets[i] = new Bootstrap()
                        .group(group)
                        .channel(Transport.datagramChannel())
                        .handler(new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel ch) {
                                ch.pipeline().addLast(new DatagramDnsQueryEncoder(), new Replies(index));
                            }
                        })
                        .bind(0)
                        .syncUninterruptibly()
                        .channel();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public List<InetSocketAddress> upstreams() {
        return upstreams;
    }

    /** The local ports queries leave from (for tests). */
    List<Integer> ports() {
        return java.util.Arrays.stream(sockets)
                .map(s -> ((InetSocketAddress) s.localAddress()).getPort())
                .toList();
    }

    /** Forwards {@code query} from {@code client} (retained here until answered or given up on). */
    void forward(DnsQuery query, DnsQuestion question, Responder out, InetAddress client) {
        if (upstreams.isEmpty() || !shares.acquire(client)) {
            out.sendNow(Queries.fail(query, out, DnsResponseCode.SERVFAIL, question));
            return;
        }
        query.retain();
        send(query, question, out, client, 0);
    }

    private void send(DnsQuery query, DnsQuestion question, Responder out, InetAddress client, int attempt) {
        InetSocketAddress upstream = upstreams.get(attempt);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int index = random.nextInt(SOCKETS);
        Channel socket = sockets[index];
        Pending p = new Pending(query, question, out, client, attempt, index, upstream);
        // at most limits.pending() (<= 60000) ids are taken, so a free one turns up after a few draws
        int id;
        do {
            id = random.nextInt(0x10000);
        } while (pending.putIfAbsent(id, p) != null);
        int chosen = id;
        p.timeout = socket.eventLoop().schedule(() -> expire(chosen, p), timeoutNanos, TimeUnit.NANOSECONDS);
        DatagramDnsQuery upstreamQuery = new DatagramDnsQuery(null, upstream, id, query.opCode());
        upstreamQuery.setRecursionDesired(query.isRecursionDesired());
        upstreamQuery.addRecord(DnsSection.QUESTION, question);
        for (int i = 0; i < query.count(DnsSection.ADDITIONAL); i++) {
            DnsRecord r = query.recordAt(DnsSection.ADDITIONAL, i);
            if (r instanceof DnsRawRecord raw && raw.type() == DnsRecordType.OPT) {
                upstreamQuery.addRecord(
                        DnsSection.ADDITIONAL,
                        new DefaultDnsRawRecord(
                                raw.name(),
                                DnsRecordType.OPT,
                                Math.min(raw.dnsClass(), limits.ednsUdpSize()),
                                raw.timeToLive(),
                                raw.content().retainedDuplicate()));
            }
        }
        socket.writeAndFlush(upstreamQuery);
    }

    private void expire(int id, Pending p) {
        if (!pending.remove(id, p)) {
            return;
        }
        if (p.attempt + 1 < upstreams.size()) {
            send(p.query, p.question, p.out, p.client, p.attempt + 1);
            return;
        }
        try {
            p.out.sendNow(Queries.fail(p.query, p.out, DnsResponseCode.SERVFAIL, p.question));
        } finally {
            done(p);
        }
    }

    private void done(Pending p) {
        shares.release(p.client);
        p.query.release();
    }

    /** Upstream replies to one socket of the pool: matched by id, sender, socket and question. */
    private final class Replies extends SimpleChannelInboundHandler<DatagramPacket> {
        private final int socket;

        Replies(int socket) {
            this.socket = socket;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf message = packet.content();
            if (message.readableBytes() < 12) {
                return;
            }
            int id = message.getUnsignedShort(message.readerIndex());
            Pending p = pending.get(id);
            if (p == null
                    || p.socket != socket
                    || !p.upstream.equals(packet.sender())
                    || !UpstreamReply.asks(message, p.question)
                    || !pending.remove(id, p)) {
                return;
            }
            p.cancelTimeout();
            ByteBuf reply = message.retainedDuplicate();
            reply.setShort(reply.readerIndex(), p.query.id());
            try {
                p.out.relay(reply);
            } finally {
                done(p);
            }
        }
    }

    @Override
    public void close() {
        for (Channel s : sockets) {
            if (s != null) {
                s.close().syncUninterruptibly();
            }
        }
        for (Integer id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.cancelTimeout();
                done(p);
            }
        }
    }
}
