package dev.gantry.core.iam.policy;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (also none), {@code ?} exactly one.
 *
 * <p>In ARNs ({@link Mode#RESOURCE}, also used by {@code ArnLike}/{@code ArnEquals}) IAM matches wildcards within
 * the colon-separated segments, where a {@code *} also spans characters such as {@code /}; a {@code *} that is the
 * last character of a segment (followed by {@code :} or the end of the pattern) may expand across colons too, so
 * {@code arn:aws:ecs:*} covers every ECS ARN (IAM JSON policy reference, "Using wildcards in resource ARNs").
 * Matching is a dynamic programme over pattern × text: linear space, no regular expressions, no backtracking blow-up.
 */
final class Glob {
    enum Mode {
        /** Actions: case-insensitive; {@code *} and {@code ?} match anything. */
        ACTION(true, false),
        /** {@code StringLike}: case-sensitive; {@code *} and {@code ?} match anything. */
        STRING(false, false),
        /** Resources and ARN conditions: case-sensitive, segment-aware as described above. */
        RESOURCE(false, true);

        private final boolean ignoreCase;
        private final boolean segments;

        Mode(boolean ignoreCase, boolean segments) {
            this.ignoreCase = ignoreCase;
            this.segments = segments;
        }
    }

    private Glob() {}

    static boolean matches(GlobPattern pattern, String text, Mode mode) {
        int n = pattern.length();
        int m = text.length();
        // next[j]: does pattern[i+1..] match text[j..]?
        boolean[] next = new boolean[m + 1];
        next[m] = true;
        for (int i = n - 1; i >= 0; i--) {
            boolean[] cur = new boolean[m + 1];
            if (pattern.isStar(i)) {
                boolean crossesColons = !mode.segments || i == n - 1 || pattern.charAt(i + 1) == ':';
                cur[m] = next[m];
                for (int j = m - 1; j >= 0; j--) {
                    boolean consume = (crossesColons || text.charAt(j) != ':') && cur[j + 1];
                    cur[j] = next[j] || consume;
                }
            } else {
                for (int j = m - 1; j >= 0; j--) {
                    cur[j] = next[j + 1] && charMatches(pattern, i, text.charAt(j), mode);
                }
            }
            next = cur;
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
