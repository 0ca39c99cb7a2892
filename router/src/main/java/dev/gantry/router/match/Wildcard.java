package dev.gantry.router.match;

/**
 * ALB's wildcard patterns: {@code *} matches any run of characters (also none), {@code ?} exactly one; every other
 * character matches itself (optionally ignoring case). Linear-time, no regular expressions.
 */
public record Wildcard(String pattern, boolean ignoreCase) {

    public static Wildcard caseSensitive(String pattern) {
        return new Wildcard(pattern, false);
    }

    public static Wildcard ignoringCase(String pattern) {
        return new Wildcard(pattern, true);
    }

    public boolean matches(String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int afterStar = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                afterStar = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t)))) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++afterStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private boolean same(char a, char b) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
