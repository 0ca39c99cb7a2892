package dev.gantry.dns.net;

import dev.gantry.dns.answer.Rr;
import dev.gantry.dns.table.RecordSet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import java.nio.charset.StandardCharsets;

/** Encodes Gantry's records as Netty raw records (the codec writes names and headers; this writes the rdata). */
final class Records {
    private Records() {}

    static DnsRecord of(Rr rr, ByteBufAllocator alloc) {
        String owner = rr.name() + ".";
        return switch (rr) {
            case Rr.A a ->
                new DefaultDnsRawRecord(
                        owner, DnsRecordType.A, a.ttl(), alloc.buffer(4).writeBytes(RecordSet.address(a.ipv4())));
            case Rr.SrvRr s -> {
                ByteBuf rdata = alloc.buffer(8 + s.srv().target().length());
                rdata.writeShort(s.srv().priority())
                        .writeShort(s.srv().weight())
                        .writeShort(s.srv().port());
                name(s.srv().target(), rdata);
                yield new DefaultDnsRawRecord(owner, DnsRecordType.SRV, s.ttl(), rdata);
            }
            case Rr.Soa soa -> {
                ByteBuf rdata = alloc.buffer(64);
                name(Rr.Soa.PRIMARY, rdata);
                name(Rr.Soa.MAILBOX, rdata);
                rdata.writeInt((int) soa.serial())
                        .writeInt((int) Rr.Soa.REFRESH)
                        .writeInt((int) Rr.Soa.RETRY)
                        .writeInt((int) Rr.Soa.EXPIRE)
                        .writeInt((int) soa.ttl());
                yield new DefaultDnsRawRecord(owner, DnsRecordType.SOA, soa.ttl(), rdata);
            }
        };
    }

    /** An uncompressed domain name: length-prefixed labels, then the root's zero. */
    static void name(String name, ByteBuf out) {
        for (String label : name.split("\\.")) {
            if (!label.isEmpty()) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                out.writeByte(bytes.length).writeBytes(bytes);
            }
        }
        out.writeByte(0);
    }
}
