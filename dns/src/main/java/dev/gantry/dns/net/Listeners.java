package dev.gantry.dns.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the UDP socket and TCP listener of one address, both decoding with Netty's DNS codec into {@link Queries}. */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private static final int TCP_IDLE_SECONDS = 30;

    private Listeners() {}

    /** The client ranges one listener answers, replaceable while it runs (subnets come and go). */
    public static final class Access {
        private volatile SourceRanges ranges;

        public Access(SourceRanges ranges) {
            this.ranges = ranges;
        }

        public void set(SourceRanges value) {
            ranges = value;
        }

        public SourceRanges ranges() {
            return ranges;
        }

        boolean admits(InetAddress client) {
            return ranges.contains(client);
        }
    }

    public static Channel udp(EventLoopGroup group, InetSocketAddress at, Queries queries, Access access) {
        return new Bootstrap()
                .group(group)
                .channel(Transport.datagramChannel())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                // the encoder after the handler: responses go down the whole pipeline
                                // (channel().write), relayed upstream datagrams skip the encoder (ctx.write), which
                                // would take them for responses
                                .addLast(
                                        new DatagramDnsQueryDecoder(),
                                        new Udp(queries, access),
                                        new DatagramDnsResponseEncoder());
                    }
                })
                .bind(at)
                .syncUninterruptibly()
                .channel();
    }

    /**
     * A TCP listener: a connection from outside {@code access}, or beyond the {@code connections} caps (per client
     * and total), is closed at once, before it holds anything but its socket for an instant.
     */
    public static Channel tcp(
            EventLoopGroup acceptor,
            EventLoopGroup workers,
            InetSocketAddress at,
            Queries queries,
            Access access,
            ClientCounts connections) {
        return new ServerBootstrap()
                .group(acceptor, workers)
                .channel(Transport.serverChannel())
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        InetAddress client = ((InetSocketAddress) ch.remoteAddress()).getAddress();
                        if (!access.admits(client)) {
                            LOG.atDebug().addKeyValue("client", client).log("refused a DNS connection from outside");
                            ch.close();
                            return;
                        }
                        if (!connections.acquire(client)) {
                            LOG.atDebug()
                                    .addKeyValue("client", client)
                                    .log("closed a DNS connection over the connection limits");
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> connections.release(client));
                        ch.pipeline()
                                .addLast(
                                        new ReadTimeoutHandler(TCP_IDLE_SECONDS),
                                        new TcpDnsQueryDecoder(),
                                        new TcpDnsResponseEncoder(),
                                        new Tcp(queries));
                    }
                })
                .bind(at)
                .syncUninterruptibly()
                .channel();
    }

    private static final class Udp extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        private final Queries queries;
        private final Access access;

        Udp(Queries queries, Access access) {
            this.queries = queries;
            this.access = access;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            InetSocketAddress client = query.sender();
            boolean admitted = access.admits(client.getAddress());
            boolean edns = false;
            for (int i = 0; i < query.count(DnsSection.ADDITIONAL); i++) {
                edns |= query.recordAt(DnsSection.ADDITIONAL, i).type() == DnsRecordType.OPT;
            }
            boolean large = edns;
            Responder out = new Responder() {
                @Override
                public DnsResponse response(int id) {
                    return new DatagramDnsResponse(query.recipient(), client, id);
                }

                @Override
                public void send(DnsResponse response) {
                    if (ctx.channel().eventLoop().inEventLoop()) {
                        ctx.channel().write(response); // flushed once per read batch (sendmmsg)
                    } else {
                        ctx.channel().writeAndFlush(response);
                    }
                }

                @Override
                public void sendNow(DnsResponse response) {
                    ctx.channel().writeAndFlush(response);
                }

                @Override
                public void relay(ByteBuf message) {
                    ctx.writeAndFlush(new DatagramPacket(message, client));
                }

                @Override
                public boolean large() {
                    return large;
                }
            };
            if (admitted) {
                queries.handle(query, client.getAddress(), out, ctx.alloc());
            } else {
                out.send(Queries.refused(query, out));
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.atDebug().addKeyValue("error", cause.toString()).log("dropped an undecodable DNS datagram");
        }
    }

    private static final class Tcp extends SimpleChannelInboundHandler<DnsQuery> {
        private final Queries queries;

        Tcp(Queries queries) {
            this.queries = queries;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DnsQuery query) {
            InetAddress client = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
            ByteBufAllocator alloc = ctx.alloc();
            queries.handle(
                    query,
                    client,
                    new Responder() {
                        @Override
                        public DnsResponse response(int id) {
                            return new DefaultDnsResponse(id);
                        }

                        @Override
                        public void send(DnsResponse response) {
                            ctx.writeAndFlush(response);
                        }

                        @Override
                        public void sendNow(DnsResponse response) {
                            ctx.writeAndFlush(response);
                        }

                        @Override
                        public void relay(ByteBuf message) {
                            ctx.write(alloc.buffer(2).writeShort(message.readableBytes()));
                            ctx.writeAndFlush(message);
                        }

                        @Override
                        public boolean large() {
                            return true;
                        }
                    },
                    alloc);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.atDebug().addKeyValue("error", cause.toString()).log("closing a DNS connection");
            ctx.close().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
