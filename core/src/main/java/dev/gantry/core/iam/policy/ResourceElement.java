package dev.gantry.core.iam.policy;

import java.util.List;

/**
 * {@code Resource} (or, when {@code negated}, {@code NotResource}): ARN patterns or {@code *}, matched
 * case-sensitively with {@code *} and {@code ?} as IAM does (see {@link Glob.Mode#RESOURCE}), after policy
 * variables in the resource part (after the fifth colon) are substituted.
 */
public record ResourceElement(List<String> patterns, boolean negated) {
    public ResourceElement {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a Resource element names at least one resource");
        }
    }

    /**
     * Whether the statement covers {@code resource}: one pattern matches it (for NotResource: none does). A pattern
     * with a variable the request has no value for matches nothing.
     */
    public boolean covers(String resource, Variables variables) {
        boolean listed = patterns.stream()
                .anyMatch(p -> variables
                        .expand(p, resourcePartStart(p))
                        .map(x -> Glob.matches(x, resource, Glob.Mode.RESOURCE))
                        .orElse(false));
        return listed != negated;
    }

    /** Where the resource part (after the fifth colon) begins; variables are substituted there only. */
    private static int resourcePartStart(String pattern) {
        int at = -1;
        for (int colons = 0; colons < 5; colons++) {
            at = pattern.indexOf(':', at + 1);
            if (at < 0) {
                return pattern.length();
            }
        }
        return at + 1;
    }
}
