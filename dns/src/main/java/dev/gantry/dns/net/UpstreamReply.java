package dev.gantry.dns.net;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsQuestion;
import java.nio.charset.StandardCharsets;

/** Reads an upstream reply's question section, to check it is the answer to the question asked. */
final class UpstreamReply {
    private static final int HEADER = 12;
    private static final int MAX_NAME = 255;

    private UpstreamReply() {}

    /**
     * Whether {@code message} (a whole DNS message) carries exactly one question, equal to {@code question}: the same
     * name (ASCII case ignored, as DNS compares names), type and class. A malformed message asks nothing.
     */
    static boolean asks(ByteBuf message, DnsQuestion question) {
        int base = message.readerIndex();
        int end = message.writerIndex();
        if (end - base < HEADER || message.getUnsignedShort(base + 4) != 1) {
            return false;
        }
        StringBuilder name = new StringBuilder();
        int at = base + HEADER;
        while (true) {
            if (at >= end) {
                return false;
            }
            int len = message.getUnsignedByte(at++);
            if (len == 0) {
                break;
            }
            // a question's name comes first in the message: nothing before it to point at
            if ((len & 0xc0) != 0 || at + len > end || name.length() + len + 1 > MAX_NAME) {
                return false;
            }
            name.append(message.toString(at, len, StandardCharsets.ISO_8859_1)).append('.');
            at += len;
        }
        if (at + 4 > end) {
            return false;
        }
        int type = message.getUnsignedShort(at);
        int dnsClass = message.getUnsignedShort(at + 2);
        String asked = question.name().endsWith(".") ? question.name() : question.name() + ".";
        String got = name.isEmpty() ? "." : name.toString();
        return type == question.type().intValue() && dnsClass == question.dnsClass() && got.equalsIgnoreCase(asked);
    }
}
