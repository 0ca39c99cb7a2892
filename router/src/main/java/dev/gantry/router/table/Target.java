package dev.gantry.router.table;

import java.util.Objects;
import java.util.regex.Pattern;

/** One registered target of an ip-type target group: an IP address (a literal) and the port traffic goes to. */
public record Target(String ip, int port) {
    private static final Pattern IP_LITERAL =
            Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*(%[\\w.]+)?");

    public Target {
        Objects.requireNonNull(ip, "ip");
        if (!IP_LITERAL.matcher(ip).matches()) { // a literal never needs a name look-up on an I/O thread
            throw new IllegalArgumentException(
                    "target '" + ip + "' is not an IPv4 or IPv6 address (targets are ip-type)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("target port must be 1-65535, was " + port + " for " + ip);
        }
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
