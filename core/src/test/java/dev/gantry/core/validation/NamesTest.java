package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.error.ErrorCode.INVALID_PARAMETER;
import static dev.gantry.core.testing.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class NamesTest {
    private static final String L255 = "a".repeat(255);
    private static final String L256 = "a".repeat(256);

    static Stream<String> validClusters() {
        return Stream.of("default", "my-cluster_1", "A", L255);
    }

    @ParameterizedTest
    @MethodSource("validClusters")
    void acceptsClusterNames(String name) {
        assertThat(Names.cluster(name)).isEqualTo(name);
    }

    static Stream<String> invalidClusters() {
        return Stream.of(null, "", "my cluster", "a/b", "a.b", "ü", L256);
    }

    @ParameterizedTest
    @MethodSource("invalidClusters")
    void rejectsClusterNames(String name) {
        assertFails(() -> Names.cluster(name), INVALID_PARAMETER, "numbers, underscores, and hyphens are allowed");
    }

    static Stream<String> validFamilies() {
        return Stream.of("app", "My_App-2", L255);
    }

    @ParameterizedTest
    @MethodSource("validFamilies")
    void acceptsFamilies(String family) {
        assertThat(Names.family(family)).isEqualTo(family);
    }

    static Stream<String> invalidFamilies() {
        return Stream.of("my app", "app:1", "app.v2", L256);
    }

    @ParameterizedTest
    @MethodSource("invalidFamilies")
    void rejectsFamiliesWithInvalidCharacters(String family) {
        assertFails(() -> Names.family(family), CLIENT, "Family contains invalid characters");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresAFamily(String family) {
        assertFails(() -> Names.family(family), CLIENT, "Family is required");
    }

    static Stream<String> validStartedBy() {
        return Stream.of("ecs-svc/1234567890123456789", "me", "ci/job_42", "a".repeat(128));
    }

    @ParameterizedTest
    @MethodSource("validStartedBy")
    void acceptsStartedBy(String startedBy) {
        assertThat(Names.startedBy(startedBy)).isEqualTo(startedBy);
    }

    static Stream<String> invalidStartedBy() {
        return Stream.of("", "has space", "a:b", "a.b", "x".repeat(129));
    }

    @ParameterizedTest
    @MethodSource("invalidStartedBy")
    void rejectsStartedBy(String startedBy) {
        assertFails(() -> Names.startedBy(startedBy), INVALID_PARAMETER, "Up to 128 letters");
    }

    @Test
    void absentStartedByAndGroupPass() {
        assertThat(Names.startedBy(null)).isNull();
        assertThat(Names.group(null)).isNull();
    }

    static Stream<String> validGroups() {
        return Stream.of("family:app", "service:web", "anything goes: here", "g".repeat(255));
    }

    @ParameterizedTest
    @MethodSource("validGroups")
    void acceptsGroups(String group) {
        assertThat(Names.group(group)).isEqualTo(group);
    }

    static Stream<String> invalidGroups() {
        return Stream.of("", "  ", "g".repeat(256));
    }

    @ParameterizedTest
    @MethodSource("invalidGroups")
    void rejectsGroups(String group) {
        assertFails(() -> Names.group(group), INVALID_PARAMETER, "1 to 255 characters");
    }
}
