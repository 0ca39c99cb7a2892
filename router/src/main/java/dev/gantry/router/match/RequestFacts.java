package dev.gantry.router.match;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/** What rule conditions may look at in a request. Implementations compute lazily; evaluation is on the I/O thread. */
public interface RequestFacts {
    String method();

    /** The path, without the query string. */
    String path();

    /** The Host header without any port, or "" if absent. */
    String host();

    /** All values of a header (name case-insensitive). */
    List<String> header(String name);

    /** The decoded query parameters. */
    Map<String, List<String>> query();

    InetAddress source();
}
