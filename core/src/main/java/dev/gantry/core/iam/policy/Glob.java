package dev.gantry.core.iam.policy;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (also none), {@code ?} exactly one.
 *
 * <p>In the Resource element ({@link Mode#RESOURCE}) IAM matches wildcards within
 * the colon-separated segments, where a {@code *} also spans characters such as {@code /}; a {@code *} that is the
 * last character of a segment (followed by {@code :} or the end of the pattern) may expand across colons too, so
 * {@code arn:aws:ecs:*} covers every ECS ARN (IAM JSON policy reference, "Using wildcards in resource ARNs").
 * Matching is a dynamic programme over pattern × text: two rows, no regular expressions, no backtracking blow-up;
 * a pattern without wildcards is a plain comparison. ({@code ArnLike} and friends match ARN components one by one
 * in {@link Mode#STRING}, see {@link ConditionTests}.)
 */
final class Glob {
    enum Mode {
        /** Actions: case-insensitive; {@code *} and {@code ?} match anything. */
        ACTION(true, false),
        /** {@code StringLike}: case-sensitive; {@code *} and {@code ?} match anything. */
        STRING(false, false),
        /** The Resource element: case-sensitive, segment-aware as described above. */
        RESOURCE(false, true);

        private final boolean ignoreCase;
        private final boolean segments;

        Mode(boolean ignoreCase, boolean segments) {
            this.ignoreCase = ignoreCase;
            this.segments = segments;
        }
    }

    /**
     * Longest text matched against a pattern with wildcards: longer text never matches one (the evaluator refuses
     * requests carrying such values before they get here, see {@link PolicyEvaluator}).
     */
    static final int MAX_TEXT = 4096;

    private Glob() {}

    static boolean matches(GlobPattern pattern, String text, Mode mode) {
        if (!pattern.hasWildcards()) {
            return mode.ignoreCase
                    ? pattern.text().equalsIgnoreCase(text)
                    : pattern.text().equals(text);
        }
        if (text.length() > MAX_TEXT) {
            return false;
        }
        int n = pattern.length();
        int m = text.length();
        // next[j]: does pattern[i+1..] match text[j..]? Two rows, swapped per pattern character.
        boolean[] next = new boolean[m + 1];
        boolean[] cur = new boolean[m + 1];
        next[m] = true;
        for (int i = n - 1; i >= 0; i--) {
            if (pattern.isStar(i)) {
                boolean crossesColons = !mode.segments || i == n - 1 || pattern.charAt(i + 1) == ':';
                cur[m] = next[m];
                for (int j = m - 1; j >= 0; j--) {
                    boolean consume = (crossesColons || text.charAt(j) != ':') && cur[j + 1];
                    cur[j] = next[j] || consume;
                }
            } else {
                cur[m] = false;
                for (int j = m - 1; j >= 0; j--) {
                    cur[j] = next[j + 1] && charMatches(pattern, i, text.charAt(j), mode);
                }
            }
            boolean[] swap = next;
            next = cur;
            cur = swap;
        }
        return next[0];
    }

    private static boolean charMatches(GlobPattern pattern, int i, char c, Mode mode) {
        if (pattern.isAnyChar(i)) {
            return !mode.segments || c != ':';
        }
        char p = pattern.charAt(i);
        if (p == c) {
            return true;
        }
        return mode.ignoreCase
                && (Character.toLowerCase(p) == Character.toLowerCase(c)
                        || Character.toUpperCase(p) == Character.toUpperCase(c));
    }
}
