package dev.gantry.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VersionStagesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Map<String, Set<String>> stages(List<SecretVersion> versions) {
        return versions.stream()
                .collect(Collectors.toMap(SecretVersion::versionId, SecretVersion::stages, (a, b) -> a, TreeMap::new));
    }

    @Test
    void aNewCurrentVersionMakesTheOldOnePrevious() {
        var v = VersionStages.afterPut(List.of(), "v1", Set.of("AWSCURRENT"), T0);
        v = VersionStages.afterPut(v, "v2", Set.of("AWSCURRENT"), T0.plusSeconds(1));
        assertThat(stages(v)).isEqualTo(Map.of("v1", Set.of("AWSPREVIOUS"), "v2", Set.of("AWSCURRENT")));
        v = VersionStages.afterPut(v, "v3", Set.of("AWSCURRENT"), T0.plusSeconds(2));
        assertThat(stages(v))
                .isEqualTo(Map.of("v1", Set.of(), "v2", Set.of("AWSPREVIOUS"), "v3", Set.of("AWSCURRENT")));
    }

    @Test
    void aPendingVersionLeavesCurrentWhereItIs() {
        var v = VersionStages.afterPut(List.of(), "v1", Set.of("AWSCURRENT"), T0);
        v = VersionStages.afterPut(v, "v2", Set.of("AWSPENDING"), T0.plusSeconds(1));
        assertThat(stages(v)).isEqualTo(Map.of("v1", Set.of("AWSCURRENT"), "v2", Set.of("AWSPENDING")));
    }

    @Test
    void movingCurrentNeedsRemoveFromAndDragsPreviousAlong() {
        var v = VersionStages.afterPut(List.of(), "v1", Set.of("AWSCURRENT"), T0);
        v = VersionStages.afterPut(v, "v2", Set.of("AWSPENDING"), T0.plusSeconds(1));
        var before = v;
        assertThatThrownBy(() -> VersionStages.move(before, "AWSCURRENT", Optional.of("v2"), Optional.empty()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).contains("RemoveFromVersionId").contains("v1");
                });
        v = VersionStages.move(v, "AWSCURRENT", Optional.of("v2"), Optional.of("v1"));
        assertThat(stages(v)).isEqualTo(Map.of("v1", Set.of("AWSPREVIOUS"), "v2", Set.of("AWSCURRENT", "AWSPENDING")));
    }

    @Test
    void currentCannotBeRemovedOnlyMoved() {
        var v = VersionStages.afterPut(List.of(), "v1", Set.of("AWSCURRENT", "blue"), T0);
        assertThatThrownBy(() -> VersionStages.move(v, "AWSCURRENT", Optional.empty(), Optional.of("v1")))
                .hasMessageContaining("move it");
        assertThat(stages(VersionStages.move(v, "blue", Optional.empty(), Optional.of("v1"))))
                .isEqualTo(Map.of("v1", Set.of("AWSCURRENT")));
    }

    @Test
    void unknownVersionsAndTooManyLabelsAreRefused() {
        var v = VersionStages.afterPut(List.of(), "v1", Set.of("AWSCURRENT"), T0);
        assertThatThrownBy(() -> VersionStages.move(v, "x", Optional.of("nope"), Optional.empty()))
                .hasMessageContaining("no version nope");
        Set<String> many = new java.util.HashSet<>();
        for (int i = 0; i < 21; i++) {
            many.add("s" + i);
        }
        assertThatThrownBy(() -> VersionStages.afterPut(v, "v2", many, T0))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(SecretErrorKind.LIMIT_EXCEEDED));
    }

    @Test
    void unlabelledVersionsBeyondAHundredAreDropped() {
        List<SecretVersion> v = List.of();
        for (int i = 0; i < 105; i++) {
            v = VersionStages.afterPut(v, "v" + i, Set.of("AWSCURRENT"), T0.plusSeconds(i));
        }
        assertThat(v).hasSize(102); // 100 unlabelled, AWSPREVIOUS, AWSCURRENT
        assertThat(v.getFirst().versionId()).isEqualTo("v3");
    }
}
