package dev.gantry.dns.answer;

import java.util.List;

/** What to reply to one question. */
public sealed interface Answer {
    /** Authoritative records (NOERROR); {@code additional} holds A records of SRV targets. */
    record Records(List<Rr> answers, List<Rr> additional) implements Answer {
        public Records {
            answers = List.copyOf(answers);
            additional = List.copyOf(additional);
        }
    }

    /** The name exists in a Gantry zone but has no record of the asked type: NOERROR, the zone's SOA as authority. */
    record NoData(Rr.Soa soa) implements Answer {}

    /** The name is in a Gantry zone and does not exist: NXDOMAIN, the zone's SOA as authority. */
    record NxDomain(Rr.Soa soa) implements Answer {}

    /** The name is outside every Gantry zone: ask the host's resolver. */
    record Forward() implements Answer {}

    Forward FORWARD = new Forward();
}
