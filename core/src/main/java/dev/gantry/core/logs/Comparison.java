package dev.gantry.core.logs;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One {@code <field> <op> <value>} test, shared by JSON and space-delimited patterns. Quoted or non-numeric values
 * compare as text with {@code *} wildcards (only {@code =} and {@code !=}); numeric values compare as numbers, and
 * {@code =}/{@code !=} against a field that is not a number fall back to comparing the text.
 */
record Comparison(Op op, Optional<Double> number, String text) {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    enum Op {
        EQ("="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Parses {@code op value} at the scanner; {@code stops} end an unquoted value. */
    static Optional<Comparison> parse(PatternScanner in, String stops) {
        Op op = operator(in);
        if (op == null) {
            return Optional.empty();
        }
        in.skipSpaces();
        boolean quoted = in.peek() == '"';
        String value = quoted ? in.quoted() : in.bare(stops);
        if (value.isEmpty() && !quoted) {
            throw in.error("expected a value after '" + op.symbol + "'");
        }
        Optional<Double> number =
                !quoted && NUMBER.matcher(value).matches() ? Optional.of(Double.parseDouble(value)) : Optional.empty();
        if (number.isEmpty() && op != Op.EQ && op != Op.NE) {
            throw in.error("'" + op.symbol + "' needs a number, not '" + value + "'");
        }
        return Optional.of(new Comparison(op, number, value));
    }

    private static Op operator(PatternScanner in) {
        for (String symbol : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
            if (in.consume(symbol)) {
                for (Op op : Op.values()) {
                    if (op.symbol.equals(symbol)) {
                        return op;
                    }
                }
            }
        }
        return null;
    }

    /** Tests a field given as text and, when it is a number, its numeric value. */
    boolean test(String fieldText, OptionalDouble fieldNumber) {
        return switch (op) {
            case EQ -> equal(fieldText, fieldNumber);
            case NE -> !equal(fieldText, fieldNumber);
            case LT -> fieldNumber.isPresent() && fieldNumber.getAsDouble() < number.orElseThrow();
            case LE -> fieldNumber.isPresent() && fieldNumber.getAsDouble() <= number.orElseThrow();
            case GT -> fieldNumber.isPresent() && fieldNumber.getAsDouble() > number.orElseThrow();
            case GE -> fieldNumber.isPresent() && fieldNumber.getAsDouble() >= number.orElseThrow();
        };
    }

    private boolean equal(String fieldText, OptionalDouble fieldNumber) {
        if (number.isPresent() && fieldNumber.isPresent()) {
            return fieldNumber.getAsDouble() == number.get();
        }
        return Wildcard.matches(text, fieldText);
    }

    /** The numeric value of unquoted field text, if it is a number. */
    static OptionalDouble numberOf(String text) {
        return NUMBER.matcher(text).matches() ? OptionalDouble.of(Double.parseDouble(text)) : OptionalDouble.empty();
    }
}
