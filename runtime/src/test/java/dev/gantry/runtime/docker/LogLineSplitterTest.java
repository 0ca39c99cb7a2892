package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.spi.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogLineSplitterTest {

    private static final String T1 = "2024-05-01T10:00:00.100000000Z";
    private static final String T2 = "2024-05-01T10:00:00.200000000Z";
    private static final String T3 = "2024-05-01T10:00:01.000000000Z";

    private final List<LogLine> lines = new ArrayList<>();

    private LogLineSplitter splitter(Optional<Instant> since) {
        return new LogLineSplitter(since, lines::add);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneFramePerLineWithTimestampAndStream() {
        LogLineSplitter s = splitter(Optional.empty());
        s.accept(false, false, b(T1 + " hello\n"));
        s.accept(true, false, b(T2 + " oops\n"));
        assertThat(lines)
                .containsExactly(
                        new LogLine(Instant.parse(T1), false, "hello"), new LogLine(Instant.parse(T2), true, "oops"));
    }

    @Test
    void oneFrameHoldingSeveralLines() {
        LogLineSplitter s = splitter(Optional.empty());
        s.accept(false, false, b(T1 + " a\n" + T2 + " b\n"));
        assertThat(lines).extracting(LogLine::message).containsExactly("a", "b");
        assertThat(lines).extracting(LogLine::timestamp).containsExactly(Instant.parse(T1), Instant.parse(T2));
    }

    @Test
    void partialMessagesOver16KiBAreJoinedDroppingContinuationTimestamps() {
        LogLineSplitter s = splitter(Optional.empty());
        String first = "x".repeat(16 * 1024);
        s.accept(false, false, b(T1 + " " + first));
        s.accept(false, false, b(T2 + " tail\n"));
        assertThat(lines).containsExactly(new LogLine(Instant.parse(T1), false, first + "tail"));
    }

    @Test
    void rawTtyChunksSplitAnywhere() {
        LogLineSplitter s = splitter(Optional.empty());
        s.accept(false, true, b(T1 + " he"));
        s.accept(false, true, b("llo\r\n" + T2 + " wor"));
        s.accept(false, true, b("ld\r\n"));
        assertThat(lines)
                .containsExactly(
                        new LogLine(Instant.parse(T1), false, "hello"), new LogLine(Instant.parse(T2), false, "world"));
    }

    @Test
    void multibyteCharactersSplitAcrossChunksSurvive() {
        LogLineSplitter s = splitter(Optional.empty());
        byte[] all = b(T1 + " h\u00e9llo \u2603\n");
        int cut = all.length - 3; // inside the snowman's three bytes
        s.accept(false, true, java.util.Arrays.copyOfRange(all, 0, cut));
        s.accept(false, true, java.util.Arrays.copyOfRange(all, cut, all.length));
        assertThat(lines).extracting(LogLine::message).containsExactly("h\u00e9llo \u2603");
    }

    @Test
    void linesAtOrBeforeSinceAreDropped() {
        LogLineSplitter s = splitter(Optional.of(Instant.parse(T2)));
        s.accept(false, false, b(T1 + " old\n"));
        s.accept(false, false, b(T2 + " seen already\n"));
        s.accept(false, false, b(T3 + " new\n"));
        assertThat(lines).extracting(LogLine::message).containsExactly("new");
    }

    @Test
    void flushEmitsALastLineWithoutNewline() {
        LogLineSplitter s = splitter(Optional.empty());
        s.accept(false, false, b(T1 + " no newline"));
        assertThat(lines).isEmpty();
        s.flush();
        assertThat(lines).containsExactly(new LogLine(Instant.parse(T1), false, "no newline"));
    }

    @Test
    void emptyLinesAndLinesWithoutTimestampAreKept() {
        LogLineSplitter s = splitter(Optional.of(Instant.parse(T3)));
        s.accept(false, false, b("2024-05-01T10:00:02Z \n"));
        s.accept(false, true, b("no timestamp here\n"));
        assertThat(lines).extracting(LogLine::message).containsExactly("", "no timestamp here");
        assertThat(lines.get(1).timestamp()).isEqualTo(Instant.parse("2024-05-01T10:00:02Z"));
    }
}
