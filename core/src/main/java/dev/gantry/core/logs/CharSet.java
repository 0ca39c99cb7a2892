package dev.gantry.core.logs;

import java.util.BitSet;

/**
 * The characters one regex step accepts: a set of ASCII characters (all a {@code %regex%} can name) and whether
 * every character beyond ASCII is in too (after negation, {@code \D}, {@code \S}, {@code \W} or {@code .}).
 */
record CharSet(BitSet ascii, boolean beyondAscii) {

    static final int ASCII = 128;

    CharSet {
        ascii = (BitSet) ascii.clone();
    }

    static CharSet of(char c) {
        BitSet bits = new BitSet(ASCII);
        bits.set(c);
        return new CharSet(bits, false);
    }

    static CharSet range(char from, char to) {
        BitSet bits = new BitSet(ASCII);
        bits.set(from, to + 1);
        return new CharSet(bits, false);
    }

    /** {@code .}: anything but a line break ({@code \n}, {@code \r}). */
    static CharSet anyButNewline() {
        BitSet bits = new BitSet(ASCII);
        bits.set(0, ASCII);
        bits.clear('\n');
        bits.clear('\r');
        return new CharSet(bits, true);
    }

    static CharSet digit() {
        return range('0', '9');
    }

    static CharSet space() {
        BitSet bits = new BitSet(ASCII);
        for (char c : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) {
            bits.set(c);
        }
        return new CharSet(bits, false);
    }

    static CharSet word() {
        return range('a', 'z').or(range('A', 'Z')).or(digit()).or(of('_'));
    }

    CharSet or(CharSet other) {
        BitSet bits = (BitSet) ascii.clone();
        bits.or(other.ascii);
        return new CharSet(bits, beyondAscii || other.beyondAscii);
    }

    CharSet negate() {
        BitSet bits = (BitSet) ascii.clone();
        bits.flip(0, ASCII);
        return new CharSet(bits, !beyondAscii);
    }

    boolean test(char c) {
        return c < ASCII ? ascii.get(c) : beyondAscii;
    }
}
