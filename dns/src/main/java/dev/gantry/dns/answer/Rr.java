package dev.gantry.dns.answer;

import dev.gantry.dns.table.Srv;

/** One resource record of an answer, in table terms (the wire layer encodes it). */
public sealed interface Rr {
    String name();

    long ttl();

    /** An A record. */
    record A(String name, String ipv4, long ttl) implements Rr {}

    /** An SRV record. */
    record SrvRr(String name, Srv srv, long ttl) implements Rr {}

    /** A zone's SOA: Gantry's fixed primary and mailbox, the table's serial, the zone's TTL as negative TTL. */
    record Soa(String name, long serial, long ttl) implements Rr {
        public static final String PRIMARY = "ns.gantry.internal";
        public static final String MAILBOX = "hostmaster.gantry.internal";
        public static final long REFRESH = 7200;
        public static final long RETRY = 900;
        public static final long EXPIRE = 1_209_600;
    }
}
