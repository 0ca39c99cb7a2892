package dev.gantry.router.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP codes a health check accepts, as ELBv2 writes them: {@code "200"}, {@code "200,302"} or
 * {@code "200-299"} (ranges and values may be mixed, {@code "200-204,302"}).
 */
public record Matcher(String expression, List<Range> ranges) {
    /** An inclusive range of status codes. */
    public record Range(int from, int to) {
        public Range {
            if (from < 100 || to > 599 || from > to) {
                throw new IllegalArgumentException("matcher range must lie within 100-599, was " + from + "-" + to);
            }
        }
    }

    public static final Matcher OK = parse("200");

    public Matcher {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a matcher needs at least one code");
        }
    }

    /** Parses ELBv2's HttpCode syntax; throws {@link IllegalArgumentException} with what is wrong. */
    public static Matcher parse(String expression) {
        List<Range> ranges = new ArrayList<>();
        for (String part : expression.split(",", -1)) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-');
                if (dash < 0) {
                    int code = Integer.parseInt(p);
                    ranges.add(new Range(code, code));
                } else {
                    ranges.add(
                            new Range(Integer.parseInt(p.substring(0, dash)), Integer.parseInt(p.substring(dash + 1))));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "matcher '" + expression + "' is not a list of codes or ranges like 200,302 or 200-299", e);
            }
        }
        return new Matcher(expression, ranges);
    }

    public boolean matches(int status) {
        for (Range r : ranges) {
            if (status >= r.from() && status <= r.to()) {
                return true;
            }
        }
        return false;
    }
}
