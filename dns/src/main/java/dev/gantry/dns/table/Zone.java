package dev.gantry.dns.table;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A zone Gantry is authoritative for (a Cloud Map DNS namespace, e.g. {@code local}): its record sets and the TTL
 * of its SOA, which is also the negative-caching TTL of its NXDOMAIN and no-data answers (Cloud Map creates a
 * namespace's SOA with a TTL of 15 seconds). Every record set's name is within the zone.
 */
public record Zone(String name, long soaTtl, List<RecordSet> records) {
    /** The SOA TTL Cloud Map gives a namespace it creates. */
    public static final long DEFAULT_SOA_TTL = 15;

    public Zone {
        name = Names.checked(name, "zone name");
        records = List.copyOf(records);
        if (soaTtl < 0 || soaTtl > RecordSet.MAX_TTL) {
            throw new IllegalArgumentException("SOA TTL must be 0-" + RecordSet.MAX_TTL + " seconds: " + soaTtl);
        }
        Set<String> seen = new HashSet<>();
        for (RecordSet r : records) {
            if (!Names.within(r.name(), name)) {
                throw new IllegalArgumentException("record " + r.name() + " is not within zone " + name);
            }
            if (!seen.add(r.name())) {
                throw new IllegalArgumentException("record " + r.name() + " appears twice in zone " + name);
            }
        }
    }

    public Zone(String name, List<RecordSet> records) {
        this(name, DEFAULT_SOA_TTL, records);
    }

    /** The zone's record sets by name, for lookups (built once per table). */
    Map<String, RecordSet> byName() {
        return records.stream().collect(Collectors.toUnmodifiableMap(RecordSet::name, Function.identity()));
    }

    /** Names that exist only as ancestors of record names (RFC 8020 "empty non-terminals"): no-data, not NXDOMAIN. */
    Set<String> interior() {
        Set<String> out = new HashSet<>();
        for (RecordSet r : records) {
            for (String p = Names.parent(r.name()); !p.isEmpty() && !p.equals(name); p = Names.parent(p)) {
                out.add(p);
            }
        }
        return Set.copyOf(out);
    }

    public Optional<RecordSet> record(String normalName) {
        return records.stream().filter(r -> r.name().equals(normalName)).findFirst();
    }
}
