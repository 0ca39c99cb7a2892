package dev.gantry.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterNamesTest {
    static final String PREFIX = ParameterNames.arnPrefix("us-east-1", "123456789012");

    static void failsWith(Runnable r, SsmError kind, String words) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(words);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"db-url", "/app/prod/db.url", "/a_b/C-9", "x"})
    void acceptsSingleNamesAndHierarchies(String name) {
        assertThat(ParameterNames.checkNew(name, PREFIX)).isEqualTo(name);
    }

    @Test
    void trimsSurroundingSpacesAsAwsDoes() {
        assertThat(ParameterNames.checkNew("  /a/b ", PREFIX)).isEqualTo("/a/b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-thing", "/aws/x", "SSM", "/Ssm/y", "awsome"})
    void awsAndSsmPrefixesAreReserved(String name) {
        failsWith(() -> ParameterNames.checkNew(name, PREFIX), SsmError.VALIDATION, "can't be prefixed with");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "/a//b", "/a/b/", "name!", "/a/b:c", "caf\u00e9"})
    void refusesOtherCharactersAndEmptyLevels(String name) {
        failsWith(() -> ParameterNames.checkNew(name, PREFIX), SsmError.VALIDATION, "sub-path");
    }

    @Test
    void aHierarchyMustBeginWithASlash() {
        failsWith(() -> ParameterNames.checkNew("a/b", PREFIX), SsmError.VALIDATION, "fully qualified");
    }

    @Test
    void fifteenLevelsAtMost() {
        String fifteen = "/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15";
        assertThat(ParameterNames.levels(fifteen)).isEqualTo(15);
        assertThat(ParameterNames.checkNew(fifteen, PREFIX)).isEqualTo(fifteen);
        failsWith(
                () -> ParameterNames.checkNew(fifteen + "/16", PREFIX),
                SsmError.HIERARCHY_LEVEL_LIMIT_EXCEEDED,
                "maximum of 15 levels");
    }

    @Test
    void lengthLimits() {
        failsWith(() -> ParameterNames.checkNew("", PREFIX), SsmError.VALIDATION, "greater than or equal to 1");
        failsWith(() -> ParameterNames.checkNew("a".repeat(2049), PREFIX), SsmError.VALIDATION, "2048");
        String longest = "a".repeat(ParameterNames.MAX_LENGTH_WITH_ARN - PREFIX.length());
        assertThat(ParameterNames.checkNew(longest, PREFIX)).isEqualTo(longest);
        failsWith(() -> ParameterNames.checkNew(longest + "b", PREFIX), SsmError.VALIDATION, "1011");
    }

    @Test
    void arnsHaveOneSlashForALeadingOne() {
        assertThat(ParameterNames.arn("us-east-1", "123456789012", "/a/b"))
                .isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/a/b");
        assertThat(ParameterNames.arn("us-east-1", "123456789012", "flag"))
                .isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/flag");
    }

    @Test
    void pathsAndWhatIsUnderThem() {
        assertThat(ParameterNames.checkPath("/app/")).isEqualTo("/app");
        assertThat(ParameterNames.checkPath("/")).isEqualTo("/");
        failsWith(() -> ParameterNames.checkPath("app"), SsmError.VALIDATION, "must begin with a forward slash");
        assertThat(ParameterNames.under("/app/a", "/app", false)).isTrue();
        assertThat(ParameterNames.under("/app/x/a", "/app", false)).isFalse();
        assertThat(ParameterNames.under("/app/x/a", "/app", true)).isTrue();
        assertThat(ParameterNames.under("/apple", "/app", true)).isFalse();
        assertThat(ParameterNames.under("/app", "/app", true)).isFalse();
        assertThat(ParameterNames.under("/top", "/", false)).isTrue();
        assertThat(ParameterNames.under("/top/x", "/", false)).isFalse();
        assertThat(ParameterNames.under("plain", "/", true)).isFalse();
    }

    @Test
    void referencesWithSelectorsAndArns() {
        ParameterRef byVersion =
                ParameterRef.parse("/a/b:3", "us-east-1", "123456789012").orElseThrow();
        assertThat(byVersion.names()).containsExactly("/a/b");
        assertThat(byVersion.selector()).contains(new ParameterRef.Selector.Version(3));
        assertThat(byVersion.selector().orElseThrow().text()).isEqualTo(":3");

        ParameterRef byLabel =
                ParameterRef.parse("flag:prod", "us-east-1", "123456789012").orElseThrow();
        assertThat(byLabel.selector()).contains(new ParameterRef.Selector.Label("prod"));

        ParameterRef arn = ParameterRef.parse(
                        "arn:aws:ssm:us-east-1:123456789012:parameter/a/b:prod", "us-east-1", "123456789012")
                .orElseThrow();
        assertThat(arn.names()).containsExactly("/a/b");
        assertThat(arn.selector()).contains(new ParameterRef.Selector.Label("prod"));

        ParameterRef oneLevel = ParameterRef.parse(
                        "arn:aws:ssm:us-east-1:123456789012:parameter/flag", "us-east-1", "123456789012")
                .orElseThrow();
        assertThat(oneLevel.names()).containsExactly("flag", "/flag");
        assertThat(oneLevel.selector()).isEmpty();
    }

    @Test
    void foreignArnsAndDoubleSelectorsReferToNothing() {
        assertThat(ParameterRef.parse("arn:aws:ssm:eu-west-1:123456789012:parameter/a", "us-east-1", "123456789012"))
                .isEqualTo(Optional.empty());
        assertThat(ParameterRef.parse("arn:aws:secretsmanager:us-east-1:123456789012:secret:a", "us-east-1", "1"))
                .isEmpty();
        assertThat(ParameterRef.parse("a:1:2", "us-east-1", "123456789012")).isEmpty();
        assertThat(ParameterRef.parse("a:", "us-east-1", "123456789012")).isEmpty();
    }

    @Test
    void labelRules() {
        assertThat(ParameterLabels.valid("prod")).isTrue();
        assertThat(ParameterLabels.valid("release-1.2_b")).isTrue();
        assertThat(ParameterLabels.valid("1st")).isFalse();
        assertThat(ParameterLabels.valid("awsLabel")).isFalse();
        assertThat(ParameterLabels.valid("SSM-x")).isFalse();
        assertThat(ParameterLabels.valid("has space")).isFalse();
        assertThat(ParameterLabels.valid("a/b")).isFalse();
        failsWith(() -> ParameterLabels.checkLength("x".repeat(101)), SsmError.VALIDATION, "100");
    }
}
