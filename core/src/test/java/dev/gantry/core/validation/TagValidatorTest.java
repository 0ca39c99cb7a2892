package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.INVALID_PARAMETER;
import static dev.gantry.core.testing.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.tag.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TagValidatorTest {

    static List<Tag> many(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Tag("k" + i, "v")).toList();
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("none", List.of()),
                Arguments.of("one", List.of(new Tag("team", "core"))),
                Arguments.of("empty value", List.of(new Tag("flag", ""))),
                Arguments.of("absent value", List.of(new Tag("flag", null))),
                Arguments.of("50 tags", many(50)),
                Arguments.of("128-char key, 256-char value", List.of(new Tag("k".repeat(128), "v".repeat(256)))),
                Arguments.of("allowed punctuation and unicode", List.of(new Tag("a_b.c:d/e=f+g-h@i", "Grüße 東京"))),
                Arguments.of("'aws' without colon", List.of(new Tag("awsome", "x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void acceptsValidTags(String description, List<Tag> tags) {
        assertThat(TagValidator.validate(tags)).isEqualTo(tags);
    }

    @Test
    void nullMeansNoTags() {
        assertThat(TagValidator.validate(null)).isEmpty();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("51 tags", many(51), "at most 50 tags"),
                Arguments.of("missing key", List.of(new Tag(null, "v")), "Tag key is required"),
                Arguments.of("empty key", List.of(new Tag("", "v")), "Tag key is required"),
                Arguments.of("null tag", Arrays.asList((Tag) null), "Tag key is required"),
                Arguments.of("129-char key", List.of(new Tag("k".repeat(129), "v")), "the maximum is 128"),
                Arguments.of("257-char value", List.of(new Tag("k", "v".repeat(257))), "the maximum is 256"),
                Arguments.of("duplicate key", List.of(new Tag("a", "1"), new Tag("a", "2")), "Duplicate tag key 'a'"),
                Arguments.of(
                        "aws: prefix", List.of(new Tag("aws:cloudformation:stack", "x")), "reserved prefix 'aws:'"),
                Arguments.of("AWS: prefix", List.of(new Tag("AWS:thing", "x")), "reserved prefix 'aws:'"),
                Arguments.of("bad key char", List.of(new Tag("a*b", "x")), "Tag key 'a*b' contains invalid characters"),
                Arguments.of("bad value char", List.of(new Tag("k", "semi;colon")), "contains invalid characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidTags(String description, List<Tag> tags, String phrase) {
        List<Tag> copy = new ArrayList<>(tags);
        assertFails(() -> TagValidator.validate(copy), INVALID_PARAMETER, phrase);
    }
}
