package dev.gantry.dns.net;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsResponse;

/** Where the reply to one query goes: over the UDP socket it came from or the TCP connection it came on. */
interface Responder {
    /** A new response to the query with {@code id}, to fill and {@link #send}. */
    DnsResponse response(int id);

    /** Writes {@code response}; on the listener's I/O thread it is flushed with the rest of the read batch. */
    void send(DnsResponse response);

    /** Writes and flushes {@code response} now (from a timer or another thread). */
    void sendNow(DnsResponse response);

    /** A whole DNS message from an upstream resolver, its id already the client's; takes ownership of it. */
    void relay(ByteBuf message);

    /** Whether an answer may exceed 512 bytes (TCP, or a UDP query with EDNS). */
    boolean large();
}
