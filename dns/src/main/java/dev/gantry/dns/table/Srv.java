package dev.gantry.dns.table;

/** One SRV value: {@code priority weight port target} ({@code target} a name, usually an instance's A record). */
public record Srv(int priority, int weight, int port, String target) {
    public Srv {
        unsigned16(priority, "priority");
        unsigned16(weight, "weight");
        unsigned16(port, "port");
        target = Names.checked(target, "SRV target");
    }

    private static void unsigned16(int v, String what) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("SRV " + what + " must be 0-65535: " + v);
        }
    }
}
