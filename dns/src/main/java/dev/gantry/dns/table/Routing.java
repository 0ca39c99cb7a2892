package dev.gantry.dns.table;

/**
 * How many values of a record set one answer carries, as Cloud Map's {@code RoutingPolicy} configures Route 53:
 * {@link #MULTIVALUE} up to {@link #MAX_MULTIVALUE} values picked at random, {@link #WEIGHTED} one at random.
 */
public enum Routing {
    MULTIVALUE,
    WEIGHTED;

    /** Route 53 answers a multivalue query with at most eight healthy records. */
    public static final int MAX_MULTIVALUE = 8;

    /** The most values an answer of this routing carries. */
    public int limit() {
        return switch (this) {
            case MULTIVALUE -> MAX_MULTIVALUE;
            case WEIGHTED -> 1;
        };
    }
}
