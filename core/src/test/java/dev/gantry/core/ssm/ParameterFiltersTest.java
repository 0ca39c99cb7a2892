package dev.gantry.core.ssm;

import static dev.gantry.core.ssm.ParameterNamesTest.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterFiltersTest {
    static final ParameterVersion SECRET =
            PutRulesTest.stored(ParameterType.SECURE_STRING, ParameterTier.STANDARD, 2, List.of("prod"));

    static ParameterFilter f(String key, String option, String... values) {
        return new ParameterFilter(key, Optional.ofNullable(option), List.of(values));
    }

    static boolean match(ParameterFilter... filters) {
        return ParameterFilters.matches(List.of(filters), SECRET, Map.of("team", "web"));
    }

    @Test
    void nameMatchesWithOrWithoutTheLeadingSlash() {
        assertThat(match(f("Name", null, "/app/flag"))).isTrue();
        assertThat(match(f("Name", "Equals", "app/flag"))).isTrue();
        assertThat(match(f("Name", "BeginsWith", "app/"))).isTrue();
        assertThat(match(f("Name", "BeginsWith", "/other", "/app"))).isTrue();
        assertThat(match(f("Name", "Contains", "flag"))).isTrue();
        assertThat(match(f("Name", "Equals", "/app"))).isFalse();
    }

    @Test
    void typeKeyTierPathTagAndLabel() {
        assertThat(match(f("Type", null, "SecureString"))).isTrue();
        assertThat(match(f("Type", null, "String"))).isFalse();
        assertThat(match(f("KeyId", null, "alias/aws/ssm"))).isTrue();
        assertThat(match(f("KeyId", "BeginsWith", "alias/"))).isTrue();
        assertThat(match(f("Tier", null, "Standard"))).isTrue();
        assertThat(match(f("DataType", null, "text"))).isTrue();
        assertThat(match(f("Path", null, "/app"))).isTrue();
        assertThat(match(f("Path", "OneLevel", "/"))).isFalse();
        assertThat(match(f("Path", "Recursive", "/"))).isTrue();
        assertThat(match(f("tag:team", null, "web"))).isTrue();
        assertThat(match(f("tag:team", null))).isTrue();
        assertThat(match(f("tag:owner", null))).isFalse();
        assertThat(match(f("Label", null, "prod"))).isTrue();
        assertThat(match(f("Label", null, "dev"))).isFalse();
        assertThat(match(f("Type", null, "SecureString"), f("Tier", null, "Advanced")))
                .isFalse();
    }

    @Test
    void checksAsSsmDoes() {
        failsWith(
                () -> ParameterFilters.check(List.of(f("Label", null, "x")), ParameterFilters.Use.DESCRIBE),
                SsmError.INVALID_FILTER_KEY,
                "The following filter key is not valid: Label");
        failsWith(
                () -> ParameterFilters.check(List.of(f("Name", null, "x")), ParameterFilters.Use.BY_PATH),
                SsmError.INVALID_FILTER_KEY,
                "The following filter key is not valid: Name");
        failsWith(
                () -> ParameterFilters.check(List.of(f("Type", "Contains", "String")), ParameterFilters.Use.DESCRIBE),
                SsmError.INVALID_FILTER_OPTION,
                "The following filter option is not valid: Contains");
        failsWith(
                () -> ParameterFilters.check(List.of(f("Path", "Equals", "/a")), ParameterFilters.Use.DESCRIBE),
                SsmError.INVALID_FILTER_OPTION,
                "[Recursive, OneLevel]");
        failsWith(
                () -> ParameterFilters.check(List.of(f("Type", null, "Str")), ParameterFilters.Use.DESCRIBE),
                SsmError.INVALID_FILTER_VALUE,
                "Str");
        failsWith(
                () -> ParameterFilters.check(List.of(f("Name", null)), ParameterFilters.Use.DESCRIBE),
                SsmError.INVALID_FILTER_VALUE,
                "missing");
        failsWith(
                () -> ParameterFilters.check(
                        List.of(f("Name", null, "a"), f("Name", null, "b")), ParameterFilters.Use.DESCRIBE),
                SsmError.VALIDATION,
                "duplicated");
        failsWith(
                () -> ParameterFilters.check(List.of(f("Colour", null, "a")), ParameterFilters.Use.DESCRIBE),
                SsmError.VALIDATION,
                "regular expression pattern");
        ParameterFilters.check(
                List.of(f("Type", null, "String"), f("Label", null, "prod"), f("tag:x", null)),
                ParameterFilters.Use.BY_PATH);
    }
}
