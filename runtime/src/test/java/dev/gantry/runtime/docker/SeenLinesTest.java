package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.spi.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenLinesTest {

    private static LogLine line(String ts, boolean stderr, String message) {
        return new LogLine(Instant.parse(ts), stderr, message);
    }

    @Test
    void aSecondReadOfTheSameStretchAddsOnlyWhatWasMissed() {
        List<LogLine> out = new ArrayList<>();
        SeenLines seen = new SeenLines(out::add);
        LogLine a = line("2024-05-01T10:00:00.100Z", false, "a");
        LogLine b = line("2024-05-01T10:00:01.200Z", true, "b");
        LogLine c = line("2024-05-01T10:00:01.300Z", false, "c");
        seen.accept(a);
        seen.accept(b);
        assertThat(seen.resumePoint()).contains(Instant.parse("2024-05-01T10:00:00.200Z"));

        seen.accept(a);
        seen.accept(b);
        seen.accept(c);
        assertThat(out).containsExactly(a, b, c);
    }

    @Test
    void sameTimestampOnTheOtherStreamIsADifferentLine() {
        List<LogLine> out = new ArrayList<>();
        SeenLines seen = new SeenLines(out::add);
        seen.accept(line("2024-05-01T10:00:00.100Z", false, "x"));
        seen.accept(line("2024-05-01T10:00:00.100Z", true, "y"));
        assertThat(out).hasSize(2);
    }

    @Test
    void nothingSeenMeansNoResumePoint() {
        assertThat(new SeenLines(l -> {}).resumePoint()).isEmpty();
    }
}
