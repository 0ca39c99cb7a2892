package dev.gantry.core.iam.policy;

import java.util.Arrays;

/**
 * A wildcard pattern after policy-variable substitution: the text, and which of its characters are literal (a
 * {@code *} or {@code ?} that came from a variable's value or from {@code ${*}} / {@code ${?}} matches only itself).
 */
final class GlobPattern {
    private final String text;
    private final boolean[] literal;

    private GlobPattern(String text, boolean[] literal) {
        this.text = text;
        this.literal = literal;
    }

    /** A pattern written directly: every {@code *} and {@code ?} is a wildcard. */
    static GlobPattern of(String text) {
        return new GlobPattern(text, new boolean[text.length()]);
    }

    /** Whether some character is a wildcard (an unescaped {@code *} or {@code ?}). */
    boolean hasWildcards() {
        for (int i = 0; i < text.length(); i++) {
            if (isStar(i) || isAnyChar(i)) {
                return true;
            }
        }
        return false;
    }

    /** The characters {@code [from, to)}, keeping which are literal. */
    GlobPattern slice(int from, int to) {
        return new GlobPattern(text.substring(from, to), Arrays.copyOfRange(literal, from, to));
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    boolean isStar(int i) {
        return !literal[i] && text.charAt(i) == '*';
    }

    boolean isAnyChar(int i) {
        return !literal[i] && text.charAt(i) == '?';
    }

    /** Builds a pattern piece by piece. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private boolean[] literal = new boolean[16];

        Builder pattern(String piece) {
            return append(piece, false);
        }

        Builder literal(String piece) {
            return append(piece, true);
        }

        private Builder append(String piece, boolean isLiteral) {
            int start = text.length();
            text.append(piece);
            if (literal.length < text.length()) {
                literal = Arrays.copyOf(literal, Math.max(text.length(), literal.length * 2));
            }
            Arrays.fill(literal, start, text.length(), isLiteral);
            return this;
        }

        GlobPattern build() {
            return new GlobPattern(text.toString(), Arrays.copyOf(literal, text.length()));
        }
    }
}
