package dev.gantry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table: a header row and rows of cells, columns as wide as their widest cell, separated by three
 * spaces, no trailing spaces. Immutable; {@link #row} returns a new table. Pure.
 */
record Table(List<String> headers, List<List<String>> rows) {
    private static final String GAP = "   ";

    Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException(
                        "row has " + r.size() + " cells, table has " + headers.size() + " columns: " + r);
            }
        }
    }

    static Table of(String... headers) {
        return new Table(List.of(headers), List.of());
    }

    Table row(String... cells) {
        List<List<String>> next = new ArrayList<>(rows);
        next.add(List.of(cells));
        return new Table(headers, next);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rendered table, one line per row (header first), each ending in a newline. */
    String render() {
        int[] widths = new int[headers.size()];
        for (List<String> r : allRows()) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], width(r.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : allRows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = Objects.requireNonNull(r.get(i));
                line.append(cell);
                if (i < r.size() - 1) {
                    line.append(" ".repeat(widths[i] - width(cell))).append(GAP);
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(headers);
        all.addAll(rows);
        return all;
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
