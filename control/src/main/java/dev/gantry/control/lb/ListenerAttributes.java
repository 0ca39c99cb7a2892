package dev.gantry.control.lb;

import java.util.Map;
import java.util.TreeMap;

/**
 * Listener attributes as ELBv2 describes them: an HTTP listener's response-header settings
 * ({@code routing.http.response.server.enabled} and the {@code routing.http.response.*.header_value}s, empty
 * when unset), a TCP listener's {@code tcp.idle_timeout.seconds} (60-6000, default 350). Recorded and given to the
 * router; the mTLS and TLS header names apply to HTTPS listeners, which Gantry does not have.
 */
public final class ListenerAttributes {
    static final String UNKNOWN =
            "Listener attribute key '%s' is not recognized for a listener with protocol %s." + " Supported keys: %s.";
    static final String BAD_VALUE = "Listener attribute '%s' has the invalid value '%s': %s.";

    private static final Map<String, String> HTTP = http();
    private static final Map<String, String> TCP = Map.of("tcp.idle_timeout.seconds", "350");

    private ListenerAttributes() {}

    private static Map<String, String> http() {
        Map<String, String> m = new TreeMap<>();
        m.put("routing.http.response.server.enabled", "true");
        for (String header : new String[] {
            "strict_transport_security",
            "access_control_allow_origin",
            "access_control_allow_methods",
            "access_control_allow_headers",
            "access_control_allow_credentials",
            "access_control_expose_headers",
            "access_control_max_age",
            "content_security_policy",
            "x_content_type_options",
            "x_frame_options"
        }) {
            m.put("routing.http.response." + header + ".header_value", "");
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Map<String, String> defaults(String protocol) {
        return protocol.equals("TCP") ? TCP : HTTP;
    }

    /** {@code current} with {@code changes} applied, each key and value checked. */
    public static Map<String, String> apply(String protocol, Map<String, String> current, Map<String, String> changes) {
        Map<String, String> known = defaults(protocol);
        Map<String, String> out = new TreeMap<>(current);
        changes.forEach((key, value) -> {
            if (!known.containsKey(key)) {
                throw LbFailures.validation(
                        String.format(UNKNOWN, key, protocol, String.join(", ", new TreeMap<>(known).keySet())));
            }
            if (key.equals("routing.http.response.server.enabled") && !value.equals("true") && !value.equals("false")) {
                throw LbFailures.validation(String.format(BAD_VALUE, key, value, "use true or false"));
            }
            if (key.equals("tcp.idle_timeout.seconds")) {
                int v;
                try {
                    v = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    v = -1;
                }
                if (v < 60 || v > 6000) {
                    throw LbFailures.validation(
                            String.format(BAD_VALUE, key, value, "give a whole number from 60 to 6000"));
                }
            }
            out.put(key, value);
        });
        return out;
    }
}
