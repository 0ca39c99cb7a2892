package dev.gantry.core.iam.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The positive test of each condition operator on one (policy value, request value) pair. The policy value is a
 * {@link GlobPattern} for String* and Arn* (after variable substitution) and the value parsed at policy parse time
 * otherwise ({@link TypedValues}). A request value that does not parse as the operator's type (a number, a date,
 * an IP address) makes the pair not match.
 */
final class ConditionTests {
    private ConditionTests() {}

    static boolean test(ConditionOperator.Test test, Object policy, String request) {
        return switch (test) {
            case STRING_EQUALS -> ((GlobPattern) policy).text().equals(request);
            case STRING_EQUALS_IGNORE_CASE -> ((GlobPattern) policy).text().equalsIgnoreCase(request);
            case STRING_LIKE -> Glob.matches((GlobPattern) policy, request, Glob.Mode.STRING);
            case ARN_LIKE -> arnLike((GlobPattern) policy, request);
            case NUMERIC_EQUALS ->
                compareNumbers(policy, request).map(c -> c == 0).orElse(false);
            case NUMERIC_LESS_THAN ->
                compareNumbers(policy, request).map(c -> c < 0).orElse(false);
            case NUMERIC_LESS_THAN_EQUALS ->
                compareNumbers(policy, request).map(c -> c <= 0).orElse(false);
            case NUMERIC_GREATER_THAN ->
                compareNumbers(policy, request).map(c -> c > 0).orElse(false);
            case NUMERIC_GREATER_THAN_EQUALS ->
                compareNumbers(policy, request).map(c -> c >= 0).orElse(false);
            case DATE_EQUALS -> compareDates(policy, request).map(c -> c == 0).orElse(false);
            case DATE_LESS_THAN -> compareDates(policy, request).map(c -> c < 0).orElse(false);
            case DATE_LESS_THAN_EQUALS ->
                compareDates(policy, request).map(c -> c <= 0).orElse(false);
            case DATE_GREATER_THAN ->
                compareDates(policy, request).map(c -> c > 0).orElse(false);
            case DATE_GREATER_THAN_EQUALS ->
                compareDates(policy, request).map(c -> c >= 0).orElse(false);
            case BOOL -> TypedValues.bool(request).map(policy::equals).orElse(false);
            case BINARY_EQUALS ->
                TypedValues.binary(request).map(policy::equals).orElse(false);
            case IP_ADDRESS -> ((Cidr) policy).contains(request);
            case NULL -> throw new IllegalArgumentException("Null is decided on the key's presence");
        };
    }

    /**
     * ArnLike/ArnEquals (and their negations): both sides must be ARNs of six colon-separated components starting
     * with {@code arn}; each component is matched on its own ({@code *} and {@code ?} never cross a colon, except
     * in the sixth, which may itself contain colons).
     */
    static boolean arnLike(GlobPattern policy, String request) {
        String[] got = request.split(":", 6);
        if (got.length != 6 || !got[0].equals("arn")) {
            return false;
        }
        String text = policy.text();
        int from = 0;
        for (int part = 0; part < 6; part++) {
            int to = part == 5 ? text.length() : text.indexOf(':', from);
            if (to < 0) {
                return false;
            }
            GlobPattern piece = policy.slice(from, to);
            if (part == 0 ? !piece.text().equals("arn") : !Glob.matches(piece, got[part], Glob.Mode.STRING)) {
                return false;
            }
            from = to + 1;
        }
        return true;
    }

    /** request compared with policy: negative when the request's value is less than the policy's. */
    private static Optional<Integer> compareNumbers(Object policy, String request) {
        return TypedValues.number(request).map(got -> got.compareTo((BigDecimal) policy));
    }

    private static Optional<Integer> compareDates(Object policy, String request) {
        return TypedValues.instant(request).map(got -> got.compareTo((Instant) policy));
    }
}
