package dev.gantry.core.logs;

import java.util.List;

/**
 * A {@code %regex%} term, compiled to a small automaton and searched for in time linear in the message (a
 * Thompson-style simulation: every position is examined once, with at most {@link #size()} states alive), so no
 * pattern can backtrack. Only the subset CloudWatch Logs accepts parses ({@link RegexParser}): letters, digits,
 * {@code :_#=@/;,-}, the operators {@code ^ $ ? [ ] { } | \ * + .} and the classes {@code \d \s \w} (and their
 * negations); no groups, so a quantifier always repeats one character step.
 */
final class LogRegex {

    /** A regex whose automaton would have more states than this is refused as too complex. */
    static final int MAX_STATES = 1_000;

    private static final int STEP = 0;
    private static final int SPLIT = 1;
    private static final int JUMP = 2;
    private static final int BEGIN = 3;
    private static final int END = 4;
    private static final int MATCH = 5;

    private final String source;
    private final int[] ops;
    private final int[] a;
    private final int[] b;
    private final CharSet[] sets;

    private LogRegex(String source, Program program) {
        this.source = source;
        this.ops = program.ops;
        this.a = program.a;
        this.b = program.b;
        this.sets = program.sets;
    }

    /** Parses and compiles; throws {@link RegexSyntaxException} naming what is not supported or malformed. */
    static LogRegex compile(String regex) {
        List<List<RegexParser.Piece>> alternatives = new RegexParser(regex).parse();
        Program program = new Program();
        program.alternatives(alternatives);
        program.emit(MATCH, 0, 0, null);
        return new LogRegex(regex, program);
    }

    /** States in the automaton: the most work matching spends on one character of a message. */
    int size() {
        return ops.length;
    }

    /** Whether the regex matches anywhere in {@code text}. */
    boolean find(CharSequence text) {
        int n = text.length();
        int[] current = new int[ops.length];
        int[] next = new int[ops.length];
        int[] seen = new int[ops.length]; // the generation of the list a state was last added to
        int[] stack = new int[2 * ops.length + 1]; // each state is expanded once and pushes at most two
        int generation = 1;
        int count = 0;
        for (int pos = 0; ; pos++) {
            // the unanchored search: a new attempt starts at every position, merged with those under way
            count = add(0, pos, text, current, count, seen, generation, stack);
            if (count < 0) {
                return true;
            }
            if (pos == n) {
                return false;
            }
            char c = text.charAt(pos);
            generation++;
            int nextCount = 0;
            for (int i = 0; i < count; i++) {
                int pc = current[i];
                if (ops[pc] == STEP && sets[pc].test(c)) {
                    nextCount = add(pc + 1, pos + 1, text, next, nextCount, seen, generation, stack);
                    if (nextCount < 0) {
                        return true;
                    }
                }
            }
            int[] swap = current;
            current = next;
            next = swap;
            count = nextCount;
        }
    }

    /**
     * Adds {@code start} and every state reachable from it without reading a character to {@code list}; returns
     * the new count, or -1 when a match state is reached.
     */
    private int add(
            int start, int pos, CharSequence text, int[] list, int count, int[] seen, int generation, int[] stack) {
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int pc = stack[--top];
            if (seen[pc] == generation) {
                continue;
            }
            seen[pc] = generation;
            switch (ops[pc]) {
                case STEP -> list[count++] = pc;
                case MATCH -> {
                    return -1;
                }
                case JUMP -> stack[top++] = a[pc];
                case SPLIT -> {
                    stack[top++] = b[pc];
                    stack[top++] = a[pc];
                }
                case BEGIN -> {
                    if (pos == 0) {
                        stack[top++] = pc + 1;
                    }
                }
                case END -> {
                    if (atEnd(text, pos)) {
                        stack[top++] = pc + 1;
                    }
                }
                default -> throw new IllegalStateException("unknown op " + ops[pc]);
            }
        }
        return count;
    }

    /** {@code $} as in java.util.regex: at the end, or before a line break that ends the text. */
    private static boolean atEnd(CharSequence text, int pos) {
        int n = text.length();
        return pos == n
                || (pos == n - 1 && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r'))
                || (pos == n - 2 && text.charAt(pos) == '\r' && text.charAt(pos + 1) == '\n');
    }

    @Override
    public String toString() {
        return "LogRegex[" + source + "]";
    }

    /** The automaton under construction: parallel arrays of op, two targets and a character set. */
    private static final class Program {
        int[] ops = new int[16];
        int[] a = new int[16];
        int[] b = new int[16];
        CharSet[] sets = new CharSet[16];
        int size;

        int emit(int op, int x, int y, CharSet set) {
            if (size == MAX_STATES) {
                throw new RegexSyntaxException("too complex: it would need more than " + MAX_STATES
                        + " states; use fewer or smaller {m,n} repeats");
            }
            if (size == ops.length) {
                ops = java.util.Arrays.copyOf(ops, size * 2);
                a = java.util.Arrays.copyOf(a, size * 2);
                b = java.util.Arrays.copyOf(b, size * 2);
                sets = java.util.Arrays.copyOf(sets, size * 2);
            }
            ops[size] = op;
            a[size] = x;
            b[size] = y;
            sets[size] = set;
            return size++;
        }

        void alternatives(List<List<RegexParser.Piece>> alternatives) {
            // a|b|c: SPLIT(a, SPLIT(b, c)); each branch but the last ends with a JUMP past the rest
            int[] jumps = new int[alternatives.size()];
            for (int i = 0; i < alternatives.size(); i++) {
                boolean last = i == alternatives.size() - 1;
                int split = last ? -1 : emit(SPLIT, 0, 0, null);
                if (split >= 0) {
                    a[split] = size;
                }
                for (RegexParser.Piece piece : alternatives.get(i)) {
                    piece(piece);
                }
                if (!last) {
                    jumps[i] = emit(JUMP, 0, 0, null);
                    b[split] = size;
                }
            }
            for (int i = 0; i < alternatives.size() - 1; i++) {
                a[jumps[i]] = size;
            }
        }

        private void piece(RegexParser.Piece piece) {
            switch (piece.atom()) {
                case RegexParser.Atom.Begin begin -> emit(BEGIN, 0, 0, null);
                case RegexParser.Atom.End end -> emit(END, 0, 0, null);
                case RegexParser.Atom.Step step -> repeat(step.set(), piece.min(), piece.max());
            }
        }

        /** {@code set{min,max}} ({@code max} < 0: unbounded) as min copies, then optional copies or a loop. */
        private void repeat(CharSet set, int min, int max) {
            for (int i = 0; i < min; i++) {
                emit(STEP, 0, 0, set);
            }
            if (max < 0) {
                int loop = emit(SPLIT, 0, 0, null);
                a[loop] = emit(STEP, 0, 0, set);
                emit(JUMP, loop, 0, null);
                b[loop] = size;
                return;
            }
            int[] optional = new int[max - min];
            for (int i = 0; i < max - min; i++) {
                optional[i] = emit(SPLIT, 0, 0, null);
                a[optional[i]] = emit(STEP, 0, 0, set);
            }
            for (int split : optional) {
                b[split] = size;
            }
        }
    }
}
