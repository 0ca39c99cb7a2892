package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.cli.TaskIds.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskIdsTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:000000000000:task/default/";
    private static final String A = PREFIX + "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String B = PREFIX + "0a1b99999999999999999999999999ff";
    private static final String C = PREFIX + "ffff0000000000000000000000000000";
    private static final List<String> ARNS = List.of(A, B, C);

    @Test
    void idIsTheWholeLastArnSegment() {
        assertThat(TaskIds.id(A)).isEqualTo("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertThat(TaskIds.id("abc")).isEqualTo("abc");
    }

    @Test
    void uniquePrefixResolvesToTheArn() {
        assertThat(TaskIds.resolve(ARNS, "0a1b2")).isEqualTo(new Resolution.Found(A));
        assertThat(TaskIds.resolve(ARNS, "f")).isEqualTo(new Resolution.Found(C));
    }

    @Test
    void prefixIsCaseInsensitiveAndTrimmed() {
        assertThat(TaskIds.resolve(ARNS, " 0A1B9 ")).isEqualTo(new Resolution.Found(B));
    }

    @Test
    void fullIdAndArnResolve() {
        assertThat(TaskIds.resolve(ARNS, TaskIds.id(B))).isEqualTo(new Resolution.Found(B));
        assertThat(TaskIds.resolve(ARNS, A)).isEqualTo(new Resolution.Found(A));
    }

    @Test
    void ambiguousPrefixListsTheCandidates() {
        assertThat(TaskIds.resolve(ARNS, "0a1b"))
                .isEqualTo(new Resolution.Ambiguous("0a1b", List.of(TaskIds.id(A), TaskIds.id(B))));
    }

    @Test
    void duplicateArnsFromTwoListingsAreNotAmbiguous() {
        assertThat(TaskIds.resolve(List.of(A, A), "0a")).isEqualTo(new Resolution.Found(A));
    }

    @Test
    void unknownPrefixIsNotFound() {
        assertThat(TaskIds.resolve(ARNS, "beef")).isEqualTo(new Resolution.NotFound("beef"));
        assertThat(TaskIds.resolve(ARNS, "  ")).isInstanceOf(Resolution.NotFound.class);
        assertThat(TaskIds.resolve(List.of(), "0a1b")).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void anUnlistedCompleteIdIsLeftToTheServer() {
        String id = "1234567890abcdef1234567890abcdef";
        assertThat(TaskIds.resolve(ARNS, id)).isEqualTo(new Resolution.Found(id));
    }
}
