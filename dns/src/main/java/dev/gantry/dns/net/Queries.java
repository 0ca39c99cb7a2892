package dev.gantry.dns.net;

import dev.gantry.dns.answer.Answer;
import dev.gantry.dns.answer.Answerer;
import dev.gantry.dns.answer.ClientView;
import dev.gantry.dns.answer.Rr;
import dev.gantry.dns.table.DnsTable;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Handles one decoded query on an I/O thread, UDP or TCP alike: asks the {@link Answerer} with the current table
 * and replies with Gantry's records, or hands the query to the {@link Forwarder}. Never blocks.
 */
public final class Queries {
    private final Supplier<DnsTable.Index> table;
    private final ClientView view;
    private final Forwarder forwarder;

    public Queries(Supplier<DnsTable.Index> table, ClientView view, Forwarder forwarder) {
        this.table = table;
        this.view = view;
        this.forwarder = forwarder;
    }

    void handle(DnsQuery query, InetAddress client, Responder out, ByteBufAllocator alloc) {
        DnsRecord q = query.recordAt(DnsSection.QUESTION);
        if (!(q instanceof DnsQuestion question) || query.count(DnsSection.QUESTION) != 1) {
            out.send(fail(query, out, DnsResponseCode.FORMERR, null));
            return;
        }
        if (!query.opCode().equals(DnsOpCode.QUERY)) {
            out.send(fail(query, out, DnsResponseCode.NOTIMP, question));
            return;
        }
        Answer answer = Answerer.answer(
                table.get(), view, client, question.name(), question.type().intValue(), ThreadLocalRandom.current());
        switch (answer) {
            case Answer.Forward f -> forwarder.forward(query, question, out, client);
            case Answer.Records r -> {
                DnsResponse response = authoritative(query, out, DnsResponseCode.NOERROR, question);
                add(response, DnsSection.ANSWER, r.answers(), alloc);
                if (out.large()) {
                    add(response, DnsSection.ADDITIONAL, r.additional(), alloc);
                }
                out.send(response);
            }
            case Answer.NoData n -> out.send(withSoa(query, out, DnsResponseCode.NOERROR, question, n.soa(), alloc));
            case Answer.NxDomain n -> out.send(withSoa(query, out, DnsResponseCode.NXDOMAIN, question, n.soa(), alloc));
        }
    }

    private static DnsResponse withSoa(
            DnsQuery query, Responder out, DnsResponseCode code, DnsQuestion question, Rr.Soa soa, ByteBufAllocator a) {
        DnsResponse response = authoritative(query, out, code, question);
        response.addRecord(DnsSection.AUTHORITY, Records.of(soa, a));
        return response;
    }

    private static void add(DnsResponse response, DnsSection section, List<Rr> records, ByteBufAllocator alloc) {
        for (Rr rr : records) {
            response.addRecord(section, Records.of(rr, alloc));
        }
    }

    private static DnsResponse authoritative(
            DnsQuery query, Responder out, DnsResponseCode code, DnsQuestion question) {
        DnsResponse response = fail(query, out, code, question);
        response.setAuthoritativeAnswer(true);
        return response;
    }

    /** REFUSED, echoing the question when the query has exactly one: the client is not one this listener serves. */
    static DnsResponse refused(DnsQuery query, Responder out) {
        DnsRecord q = query.count(DnsSection.QUESTION) == 1 ? query.recordAt(DnsSection.QUESTION) : null;
        DnsResponse response = fail(query, out, DnsResponseCode.REFUSED, q instanceof DnsQuestion d ? d : null);
        response.setRecursionAvailable(false);
        return response;
    }

    /** A response with {@code code}, echoing the question (when there is one) and the RD flag. */
    static DnsResponse fail(DnsQuery query, Responder out, DnsResponseCode code, DnsQuestion question) {
        DnsResponse response = out.response(query.id());
        response.setCode(code);
        response.setOpCode(query.opCode());
        response.setRecursionDesired(query.isRecursionDesired());
        response.setRecursionAvailable(true);
        if (question != null) {
            response.addRecord(DnsSection.QUESTION, question);
        }
        return response;
    }
}
