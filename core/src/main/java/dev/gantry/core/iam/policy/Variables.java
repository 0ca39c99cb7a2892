package dev.gantry.core.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * Policy variables in the resource part of Resource/NotResource and in String* and Arn* condition values (Version
 * 2012-10-17 only; elsewhere {@code ${...}} is literal text): {@code ${aws:username}},
 * {@code ${aws:userid}}, {@code ${aws:PrincipalTag/team}}, {@code ${aws:SourceIp}} or any other key of the
 * request's {@link ConditionContext}; a default ({@code ${aws:PrincipalTag/team, 'none'}}, {@code ''} for a quote);
 * and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}. A substituted value is literal text: a {@code *} in a
 * user name is no wildcard. A variable with no value (key absent or multi-valued, no default) or an unterminated
 * <code>${</code> makes the value unresolvable: it then matches nothing, as IAM documents.
 */
final class Variables {
    private static final Variables NONE = new Variables(false, ConditionContext.empty());

    private final boolean substitute;
    private final ConditionContext context;

    private Variables(boolean substitute, ConditionContext context) {
        this.substitute = substitute;
        this.context = context;
    }

    static Variables of(PolicyDocument document, ConditionContext context) {
        return document.substitutesVariables() ? new Variables(true, context) : NONE;
    }

    /** Variables as plain text (Version 2008-10-17). */
    static Variables none() {
        return NONE;
    }

    /** The value as a wildcard pattern, empty when a variable in it cannot be resolved. */
    Optional<GlobPattern> expand(String raw) {
        return expand(raw, 0);
    }

    /**
     * The value as a wildcard pattern with variables substituted from index {@code from} on only (the text before
     * it stays as written), empty when a variable in it cannot be resolved.
     */
    Optional<GlobPattern> expand(String raw, int from) {
        if (!substitute || raw.indexOf("${", from) < 0) {
            return Optional.of(GlobPattern.of(raw));
        }
        GlobPattern.Builder out = new GlobPattern.Builder();
        out.pattern(raw.substring(0, from));
        int at = from;
        while (at < raw.length()) {
            int open = raw.indexOf("${", at);
            if (open < 0) {
                out.pattern(raw.substring(at));
                break;
            }
            out.pattern(raw.substring(at, open));
            int close = closingBrace(raw, open + 2);
            if (close < 0) {
                return Optional.empty();
            }
            Optional<String> value = resolve(raw.substring(open + 2, close));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            out.literal(value.get());
            at = close + 1;
        }
        return Optional.of(out.build());
    }

    /** The value as text (for equality operators), empty when a variable in it cannot be resolved. */
    Optional<String> expandText(String raw) {
        return expand(raw).map(GlobPattern::text);
    }

    /** The index of the '}' closing a variable that starts at {@code from}, skipping a quoted default. */
    private static int closingBrace(String raw, int from) {
        boolean quoted = false;
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // '' inside a default toggles twice: net unchanged
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private Optional<String> resolve(String body) {
        String inner = body.strip();
        switch (inner) {
            case "*", "?", "$" -> {
                return Optional.of(inner);
            }
            default -> {}
        }
        int comma = inner.indexOf(',');
        String key = (comma < 0 ? inner : inner.substring(0, comma)).strip();
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        Optional<List<String>> values = context.get(key);
        if (values.isPresent() && values.get().size() == 1) {
            return Optional.of(values.get().get(0));
        }
        return comma < 0
                ? Optional.empty()
                : defaultValue(inner.substring(comma + 1).strip());
    }

    private static Optional<String> defaultValue(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '\'' || quoted.charAt(quoted.length() - 1) != '\'') {
            return Optional.empty();
        }
        String body = quoted.substring(1, quoted.length() - 1);
        if (body.replace("''", "").contains("'")) {
            return Optional.empty();
        }
        return Optional.of(body.replace("''", "'"));
    }
}
