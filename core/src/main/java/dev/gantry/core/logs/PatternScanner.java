package dev.gantry.core.logs;

import dev.gantry.core.error.ApiException;

/** A cursor over filter-pattern text with the few lexing steps the three syntaxes share. */
final class PatternScanner {
    private final String text;
    private int pos;

    PatternScanner(String text) {
        this.text = text;
    }

    int pos() {
        return pos;
    }

    boolean atEnd() {
        skipSpaces();
        return pos >= text.length();
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Skips spaces, then consumes {@code token} if it comes next. */
    boolean consume(String token) {
        skipSpaces();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    /** Like {@link #consume} but for a keyword, ignoring case and requiring a word boundary after it. */
    boolean consumeKeyword(String word) {
        skipSpaces();
        int end = pos + word.length();
        if (text.regionMatches(true, pos, word, 0, word.length())
                && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    void expect(String token, String what) {
        if (!consume(token)) {
            throw error("expected " + what);
        }
    }

    /** Reads a double-quoted string at the cursor; {@code \"} and {@code \\} are escapes. */
    String quoted() {
        skipSpaces();
        int start = pos;
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        pos = start;
        throw error("unterminated quoted string");
    }

    /** Reads characters up to whitespace or one of {@code stops}; may be empty. */
    String bare(String stops) {
        skipSpaces();
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)
                    || stops.indexOf(c) >= 0
                    || text.startsWith("&&", pos)
                    || text.startsWith("||", pos)) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Reads characters up to whitespace or the end. */
    String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Reads up to the next {@code close} character (exclusive), consuming it. */
    String until(char close, String what) {
        int end = text.indexOf(close, pos);
        if (end < 0) {
            throw error("unterminated " + what);
        }
        String s = text.substring(pos, end);
        pos = end + 1;
        return s;
    }

    ApiException error(String problem) {
        return error(text, problem + " at position " + (pos + 1));
    }

    static ApiException error(String pattern, String problem) {
        return ApiException.invalidParameter("Invalid filter pattern '" + pattern + "': " + problem + ".");
    }
}
