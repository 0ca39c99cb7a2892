package dev.gantry.dns.table;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the DNS server answers itself, at one moment: the zones Gantry is authoritative for. Immutable, indexed
 * once at construction, swapped in whole by {@link dev.gantry.dns.DnsServer#apply} (one volatile write), so a query
 * sees one consistent table. {@code serial} is the SOA serial of every zone (the feeder increments it per table).
 */
public record DnsTable(List<Zone> zones, long serial) {
    public DnsTable {
        zones = List.copyOf(zones);
        Set<String> names = new HashSet<>();
        for (Zone z : zones) {
            if (!names.add(z.name())) {
                throw new IllegalArgumentException("zone " + z.name() + " appears twice");
            }
        }
        if (serial < 0 || serial > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("serial must be an unsigned 32-bit number: " + serial);
        }
    }

    public static DnsTable empty() {
        return new DnsTable(List.of(), 1);
    }

    /** The table's lookup structure. */
    public Index index() {
        return new Index(this);
    }

    /** Where a normal name falls in a table: the most specific zone containing it, and its records there. */
    public static final class Index {
        private final Map<String, Zone> zones = new HashMap<>();
        private final Map<String, Map<String, RecordSet>> records = new HashMap<>();
        private final Map<String, Set<String>> interior = new HashMap<>();
        private final long serial;

        private Index(DnsTable table) {
            this.serial = table.serial();
            for (Zone z : table.zones()) {
                zones.put(z.name(), z);
                records.put(z.name(), z.byName());
                interior.put(z.name(), z.interior());
            }
        }

        public long serial() {
            return serial;
        }

        /** The most specific zone {@code name} is within, if any. */
        public Optional<Zone> zoneOf(String name) {
            for (String n = name; !n.isEmpty(); n = Names.parent(n)) {
                Zone z = zones.get(n);
                if (z != null) {
                    return Optional.of(z);
                }
            }
            return Optional.empty();
        }

        /** The records of {@code name} in {@code zone} (one of this table's). */
        public Optional<RecordSet> record(Zone zone, String name) {
            return Optional.ofNullable(
                    records.getOrDefault(zone.name(), Map.of()).get(name));
        }

        /** Whether {@code name} has records below it in {@code zone} but none of its own. */
        public boolean isInterior(Zone zone, String name) {
            return interior.getOrDefault(zone.name(), Set.of()).contains(name);
        }
    }
}
