package dev.gantry.dns.answer;

import dev.gantry.dns.table.DnsTable;
import dev.gantry.dns.table.Names;
import dev.gantry.dns.table.RecordSet;
import dev.gantry.dns.table.Srv;
import dev.gantry.dns.table.Zone;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Pure: the answer to one question. The client's view first, then the table: a name outside every zone is
 * forwarded; inside a zone a record set answers A and SRV queries with at most its routing's number of values, picked
 * at random (as Route 53 answers a multivalue or weighted Cloud Map service); an existing name asked for another
 * type, or a name with records only below it, is no-data; anything else NXDOMAIN. No-data and NXDOMAIN carry the
 * zone's SOA so resolvers cache them for its TTL only.
 */
public final class Answerer {
    public static final int TYPE_A = 1;
    public static final int TYPE_SOA = 6;
    public static final int TYPE_SRV = 33;
    public static final int TYPE_ANY = 255;

    private Answerer() {}

    public static Answer answer(
            DnsTable.Index table, ClientView view, InetAddress client, String name, int type, RandomGenerator random) {
        String n = Names.normal(name);
        Optional<RecordSet> viewed = view.lookup(client, n);
        if (viewed.isPresent()) {
            return records(viewed.get(), type, random, table, Optional.empty())
                    .orElseGet(() -> new Answer.Records(List.of(), List.of()));
        }
        Optional<Zone> zone = table.zoneOf(n);
        if (zone.isEmpty()) {
            return Answer.FORWARD;
        }
        Zone z = zone.get();
        Rr.Soa soa = new Rr.Soa(z.name(), table.serial(), z.soaTtl());
        if (n.equals(z.name()) && (type == TYPE_SOA || type == TYPE_ANY)) {
            return new Answer.Records(List.of(soa), List.of());
        }
        Optional<RecordSet> set = table.record(z, n);
        if (set.isPresent()) {
            return records(set.get(), type, random, table, Optional.of(z)).orElseGet(() -> new Answer.NoData(soa));
        }
        if (n.equals(z.name()) || table.isInterior(z, n)) {
            return new Answer.NoData(soa);
        }
        return new Answer.NxDomain(soa);
    }

    /** The record set's values of {@code type}, capped and shuffled; empty when it has none of that type. */
    private static Optional<Answer> records(
            RecordSet set, int type, RandomGenerator random, DnsTable.Index table, Optional<Zone> zone) {
        List<Rr> answers = new ArrayList<>();
        List<Rr> additional = new ArrayList<>();
        int limit = set.routing().limit();
        if (type == TYPE_A || type == TYPE_ANY) {
            for (String ip : pick(set.ipv4(), limit, random)) {
                answers.add(new Rr.A(set.name(), ip, set.ttl()));
            }
        }
        if (type == TYPE_SRV || type == TYPE_ANY) {
            for (Srv s : pick(set.srv(), limit, random)) {
                answers.add(new Rr.SrvRr(set.name(), s, set.srvTtl()));
                zone.flatMap(z -> table.record(z, s.target())).ifPresent(target -> {
                    for (String ip : target.ipv4()) {
                        additional.add(new Rr.A(target.name(), ip, target.ttl()));
                    }
                });
            }
        }
        return answers.isEmpty() ? Optional.empty() : Optional.of(new Answer.Records(answers, additional));
    }

    /** Up to {@code limit} of {@code values} in random order (a partial Fisher-Yates shuffle of a copy). */
    static <T> List<T> pick(List<T> values, int limit, RandomGenerator random) {
        if (values.size() <= 1) {
            return values;
        }
        List<T> copy = new ArrayList<>(values);
        int n = Math.min(limit, copy.size());
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(copy.size() - i);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return List.copyOf(copy.subList(0, n));
    }
}
