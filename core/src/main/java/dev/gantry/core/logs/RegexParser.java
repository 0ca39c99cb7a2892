package dev.gantry.core.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code %regex%} term as CloudWatch Logs defines it: letters, digits, the symbols {@code : _ # = @ / ; , -}
 * and the operators {@code ^ $ ? [ ] { } | \ * + .}; nothing else (no parentheses, no spaces, no multi-byte
 * characters). The result is alternatives of pieces, each one character step (or anchor) with a repeat count.
 */
final class RegexParser {

    static final int MAX_REPEAT = 1_000;
    private static final String SYMBOLS = ":_#=@/;,-";
    private static final String OPERATORS = "^$?[]{}|\\*+.";
    private static final String QUANTIFIERS = "?*+{";

    /** What one piece matches: a character step, or the start or end of the message. */
    sealed interface Atom {
        record Step(CharSet set) implements Atom {}

        record Begin() implements Atom {}

        record End() implements Atom {}
    }

    /** An atom repeated from {@code min} to {@code max} times ({@code max} -1: no limit). */
    record Piece(Atom atom, int min, int max) {}

    private final String regex;
    private int pos;

    RegexParser(String regex) {
        this.regex = regex;
    }

    List<List<Piece>> parse() {
        checkCharacters();
        List<List<Piece>> alternatives = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '|') {
                pos++;
                alternatives.add(pieces);
                pieces = new ArrayList<>();
            } else {
                pieces.add(piece());
            }
        }
        alternatives.add(pieces);
        return alternatives;
    }

    private void checkCharacters() {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean alphanumeric = c < 128 && Character.isLetterOrDigit(c);
            if (!alphanumeric && SYMBOLS.indexOf(c) < 0 && OPERATORS.indexOf(c) < 0) {
                throw new RegexSyntaxException("'" + regex.substring(i, regex.offsetByCodePoints(i, 1))
                        + "' is not supported: a regular expression may hold only letters, digits, the symbols "
                        + String.join(" ", SYMBOLS.split("")) + " and the operators "
                        + String.join(" ", OPERATORS.split("")) + " (no parentheses or spaces: use \\s for a space)");
            }
        }
    }

    private Piece piece() {
        char c = regex.charAt(pos);
        if (QUANTIFIERS.indexOf(c) >= 0) {
            throw nothingToRepeat(c);
        }
        pos++;
        Atom atom = switch (c) {
            case '^' -> new Atom.Begin();
            case '$' -> new Atom.End();
            case '.' -> new Atom.Step(CharSet.anyButNewline());
            case '[' -> new Atom.Step(charClass());
            case '\\' -> new Atom.Step(escape());
            default -> new Atom.Step(CharSet.of(c));
        };
        if (pos >= regex.length() || QUANTIFIERS.indexOf(regex.charAt(pos)) < 0) {
            return new Piece(atom, 1, 1);
        }
        if (!(atom instanceof Atom.Step)) {
            throw nothingToRepeat(regex.charAt(pos));
        }
        Piece piece = quantified(atom);
        if (pos < regex.length() && regex.charAt(pos) == '?') {
            pos++; // lazy: the same set of messages matches, only which part of one differs
        }
        if (pos < regex.length() && QUANTIFIERS.indexOf(regex.charAt(pos)) >= 0) {
            throw nothingToRepeat(regex.charAt(pos));
        }
        return piece;
    }

    private Piece quantified(Atom atom) {
        char q = regex.charAt(pos++);
        return switch (q) {
            case '?' -> new Piece(atom, 0, 1);
            case '*' -> new Piece(atom, 0, -1);
            case '+' -> new Piece(atom, 1, -1);
            default -> counted(atom);
        };
    }

    /** After '{': {@code m}, {@code m,} or {@code m,n}, then '}'. */
    private Piece counted(Atom atom) {
        int start = pos - 1;
        int min = number(start);
        int max = min;
        if (pos < regex.length() && regex.charAt(pos) == ',') {
            pos++;
            max = pos < regex.length() && Character.isDigit(regex.charAt(pos)) ? number(start) : -1;
        }
        if (pos >= regex.length() || regex.charAt(pos) != '}') {
            throw badRepeat(start);
        }
        pos++;
        if (max >= 0 && min > max) {
            throw new RegexSyntaxException(regex.substring(start, pos) + ": the minimum is above the maximum");
        }
        return new Piece(atom, min, max);
    }

    private int number(int start) {
        int from = pos;
        while (pos < regex.length() && Character.isDigit(regex.charAt(pos)) && pos - from < 6) {
            pos++;
        }
        if (pos == from) {
            throw badRepeat(start);
        }
        int n = Integer.parseInt(regex.substring(from, pos));
        if (n > MAX_REPEAT) {
            throw new RegexSyntaxException("a repeat count may be at most " + MAX_REPEAT + ", not " + n);
        }
        return n;
    }

    /** After '[': members up to ']', '^' first negates. */
    private CharSet charClass() {
        int start = pos - 1;
        boolean negated = pos < regex.length() && regex.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        CharSet members = null;
        while (true) {
            if (pos >= regex.length()) {
                throw new RegexSyntaxException("unclosed character class from position " + (start + 1));
            }
            char c = regex.charAt(pos++);
            if (c == ']') {
                if (members == null) {
                    throw new RegexSyntaxException("empty character class at position " + (start + 1));
                }
                return negated ? members.negate() : members;
            }
            if (c == '[') {
                throw new RegexSyntaxException("nested character classes are not supported (position " + pos
                        + "); write '\\[' for the character");
            }
            CharSet member;
            if (c == '\\') {
                member = escape();
            } else if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
                pos++;
                char to = regex.charAt(pos++);
                if (to == '\\' && pos < regex.length() && !Character.isLetterOrDigit(regex.charAt(pos))) {
                    to = regex.charAt(pos++);
                }
                if (to < c) {
                    throw new RegexSyntaxException("the range " + c + "-" + to + " is out of order");
                }
                member = CharSet.range(c, to);
            } else {
                member = CharSet.of(c);
            }
            members = members == null ? member : members.or(member);
        }
    }

    /** After '\': a class ({@code \d \D \s \S \w \W}) or an escaped symbol or operator, taken literally. */
    private CharSet escape() {
        if (pos >= regex.length()) {
            throw new RegexSyntaxException("it ends with '\\', which escapes nothing");
        }
        char c = regex.charAt(pos++);
        return switch (c) {
            case 'd' -> CharSet.digit();
            case 'D' -> CharSet.digit().negate();
            case 's' -> CharSet.space();
            case 'S' -> CharSet.space().negate();
            case 'w' -> CharSet.word();
            case 'W' -> CharSet.word().negate();
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw new RegexSyntaxException("'\\" + c + "' is not supported; the classes are \\d \\D \\s \\S"
                            + " \\w \\W, and '\\' before a symbol or operator makes it literal");
                }
                yield CharSet.of(c);
            }
        };
    }

    private RegexSyntaxException nothingToRepeat(char quantifier) {
        return new RegexSyntaxException("'" + quantifier + "' at position " + (pos + 1)
                + " has nothing to repeat (it must follow a character, '.', a class or an escape)");
    }

    private RegexSyntaxException badRepeat(int start) {
        return new RegexSyntaxException(
                "the repeat at position " + (start + 1) + " must be written '{m}', '{m,}' or '{m,n}'");
    }
}
