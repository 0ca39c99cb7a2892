package dev.gantry.control.lb;

import dev.gantry.core.lb.RuleCondition;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a listener rule's conditions, as ALB has them: at least one condition; host-header, path-pattern,
 * http-request-method and source-ip at most once each (http-header and query-string may repeat); at most 5
 * condition values in all; each value of its field's form.
 */
public final class ConditionRules {
    static final int MAX_VALUES = 5;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.*?-]{1,128}");
    private static final Pattern METHOD = Pattern.compile("[A-Z_-]{1,40}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,40}");

    static final String NONE = "A rule needs at least one condition: give a path-pattern, host-header,"
            + " http-header, query-string, http-request-method or source-ip condition.";
    static final String TWICE =
            "The condition field '%s' can be given only once per rule; put its values in one" + " condition.";
    static final String TOO_MANY_VALUES =
            "A rule can have at most " + MAX_VALUES + " condition values in all; it" + " has %d.";
    static final String NO_VALUES = "The '%s' condition needs at least one value.";
    static final String BAD_VALUE = "The %s condition value '%s' is not valid: %s.";

    private ConditionRules() {}

    public static void check(List<RuleCondition> conditions) {
        if (conditions.isEmpty()) {
            throw LbFailures.validation(NONE);
        }
        Set<String> once = new HashSet<>();
        int values = 0;
        for (RuleCondition c : conditions) {
            boolean repeatable =
                    c.field().equals(RuleCondition.HTTP_HEADER) || c.field().equals(RuleCondition.QUERY_STRING);
            if (!repeatable && !once.add(c.field())) {
                throw LbFailures.validation(String.format(TWICE, c.field()));
            }
            if (c.valueCount() == 0) {
                throw LbFailures.validation(String.format(NO_VALUES, c.field()));
            }
            values += c.valueCount();
            c.values().forEach(v -> value(c.field(), v));
            c.queryStrings().forEach(q -> {
                if (q.value().isEmpty()
                        || q.value().length() > 128
                        || q.key().map(String::length).orElse(0) > 128) {
                    throw LbFailures.validation(String.format(
                            BAD_VALUE,
                            c.field(),
                            q.key().orElse("") + "=" + q.value(),
                            "give a value (and optionally a key) of 1-128 characters"));
                }
            });
        }
        if (values > MAX_VALUES) {
            throw LbFailures.validation(String.format(TOO_MANY_VALUES, values));
        }
    }

    private static void value(String field, String v) {
        switch (field) {
            case RuleCondition.PATH_PATTERN -> {
                if (v.isEmpty() || v.length() > 128) {
                    throw bad(field, v, "give a path pattern of 1-128 characters (wildcards * and ?), e.g. /api/*");
                }
            }
            case RuleCondition.HOST_HEADER -> {
                if (!HOST.matcher(v).matches()) {
                    throw bad(field, v, "give a host name of 1-128 letters, digits, '-', '.', '*' or '?'");
                }
            }
            case RuleCondition.HTTP_HEADER -> {
                if (v.isEmpty() || v.length() > 128) {
                    throw bad(field, v, "give a value of 1-128 characters (wildcards * and ?)");
                }
            }
            case RuleCondition.HTTP_REQUEST_METHOD -> {
                if (!METHOD.matcher(v).matches()) {
                    throw bad(field, v, "give a method name in capitals, e.g. GET or POST");
                }
            }
            case RuleCondition.SOURCE_IP -> cidr(field, v);
            default -> {}
        }
    }

    /** Checks an http-header condition's header name. */
    public static void checkHeaderName(String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw bad(RuleCondition.HTTP_HEADER, name, "give a header name of 1-40 token characters, e.g. X-Version");
        }
    }

    private static void cidr(String field, String v) {
        int slash = v.indexOf('/');
        try {
            if (slash < 0) {
                throw new IllegalArgumentException();
            }
            String address = v.substring(0, slash);
            if (!address.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException();
            }
            InetAddress a = InetAddress.getByName(address); // a literal: no lookup
            int bits = Integer.parseInt(v.substring(slash + 1));
            if (bits < 0 || bits > a.getAddress().length * 8) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            throw bad(field, v, "give a CIDR block such as 10.0.0.0/16 or 2001:db8::/32");
        }
    }

    private static RuntimeException bad(String field, String v, String what) {
        return LbFailures.validation(String.format(BAD_VALUE, field, v, what));
    }
}
