package dev.gantry.core.ssm;

import static dev.gantry.core.ssm.ParameterNamesTest.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PutRulesTest {
    static final String USER = "arn:aws:iam::123456789012:root";

    static PutParameter put(String value, Optional<ParameterType> type, boolean overwrite) {
        return new PutParameter(
                "/app/flag",
                value,
                type,
                Optional.empty(),
                overwrite,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                USER);
    }

    static ParameterVersion stored(ParameterType type, ParameterTier tier, long version, List<String> labels) {
        ParameterValue value = type == ParameterType.SECURE_STRING
                ? new ParameterValue.Sealed(new byte[] {1, 2})
                : new ParameterValue.Plain("old");
        return new ParameterVersion(
                "/app/flag",
                version,
                type,
                value,
                type == ParameterType.SECURE_STRING ? Optional.of("alias/aws/ssm") : Optional.empty(),
                tier,
                "text",
                Optional.of("kept"),
                Optional.empty(),
                Instant.EPOCH,
                USER,
                labels);
    }

    @Test
    void aNewParameterIsVersionOneStandardText() {
        PutRules.Draft d = PutRules.decide(put("on", Optional.of(ParameterType.STRING), false), Optional.empty());
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.tier()).isEqualTo(ParameterTier.STANDARD);
        assertThat(d.dataType()).isEqualTo("text");
        assertThat(d.keyId()).isEmpty();
    }

    @Test
    void aNewParameterNeedsAType() {
        failsWith(
                () -> PutRules.decide(put("on", Optional.empty(), false), Optional.empty()),
                SsmError.VALIDATION,
                "type is required");
    }

    @Test
    void anExistingOneNeedsOverwrite() {
        var latest = Optional.of(stored(ParameterType.STRING, ParameterTier.STANDARD, 4, List.of()));
        failsWith(
                () -> PutRules.decide(put("on", Optional.of(ParameterType.STRING), false), latest),
                SsmError.PARAMETER_ALREADY_EXISTS,
                "set the overwrite option");
        PutRules.Draft d = PutRules.decide(put("on", Optional.empty(), true), latest);
        assertThat(d.version()).isEqualTo(5);
        assertThat(d.type()).isEqualTo(ParameterType.STRING);
        assertThat(d.description()).contains("kept");
    }

    @Test
    void secureStringsGetTheDefaultKeyAndOnlyTheyTakeOne() {
        assertThat(PutRules.decide(put("s", Optional.of(ParameterType.SECURE_STRING), false), Optional.empty())
                        .keyId())
                .contains("alias/aws/ssm");
        PutParameter withKey = new PutParameter(
                "/k",
                "v",
                Optional.of(ParameterType.STRING),
                Optional.of("alias/mine"),
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                USER);
        failsWith(() -> PutRules.decide(withKey, Optional.empty()), SsmError.VALIDATION, "SecureString");
    }

    @Test
    void anOverwriteKeepsTheKeyOfASecureString() {
        ParameterVersion secure = stored(ParameterType.SECURE_STRING, ParameterTier.STANDARD, 1, List.of())
                .withLabels(List.of());
        ParameterVersion mine = new ParameterVersion(
                secure.name(),
                1,
                secure.type(),
                secure.value(),
                Optional.of("alias/mine"),
                secure.tier(),
                "text",
                Optional.empty(),
                Optional.empty(),
                Instant.EPOCH,
                USER,
                List.of());
        assertThat(PutRules.decide(put("new", Optional.empty(), true), Optional.of(mine))
                        .keyId())
                .contains("alias/mine");
    }

    @Test
    void tiersHoldFourAndEightKilobytes() {
        String big = "x".repeat(4097);
        failsWith(
                () -> PutRules.decide(put(big, Optional.of(ParameterType.STRING), false), Optional.empty()),
                SsmError.VALIDATION,
                "Standard tier parameters support a maximum parameter value of 4096");
        assertThat(PutRules.decide(put("x".repeat(4096), Optional.of(ParameterType.STRING), false), Optional.empty())
                        .tier())
                .isEqualTo(ParameterTier.STANDARD);
        PutParameter advanced = withTier(big, ParameterTier.ADVANCED);
        assertThat(PutRules.decide(advanced, Optional.empty()).tier()).isEqualTo(ParameterTier.ADVANCED);
        failsWith(
                () -> PutRules.decide(withTier("x".repeat(8193), ParameterTier.ADVANCED), Optional.empty()),
                SsmError.VALIDATION,
                "8192");
        assertThat(PutRules.decide(withTier("small", ParameterTier.INTELLIGENT_TIERING), Optional.empty())
                        .tier())
                .isEqualTo(ParameterTier.STANDARD);
        assertThat(PutRules.decide(withTier(big, ParameterTier.INTELLIGENT_TIERING), Optional.empty())
                        .tier())
                .isEqualTo(ParameterTier.ADVANCED);
    }

    @Test
    void anAdvancedParameterStaysAdvanced() {
        var advanced = Optional.of(stored(ParameterType.STRING, ParameterTier.ADVANCED, 1, List.of()));
        assertThat(PutRules.decide(put("v", Optional.empty(), true), advanced).tier())
                .isEqualTo(ParameterTier.ADVANCED);
        PutParameter down = new PutParameter(
                "/app/flag",
                "v",
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.of(ParameterTier.STANDARD),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                USER);
        failsWith(() -> PutRules.decide(down, advanced), SsmError.VALIDATION, "can't downgrade");
    }

    private static PutParameter withTier(String value, ParameterTier tier) {
        return new PutParameter(
                "/app/flag",
                value,
                Optional.of(ParameterType.STRING),
                Optional.empty(),
                false,
                Optional.of(tier),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                USER);
    }

    @Test
    void tagsAndOverwriteDoNotGoTogether() {
        PutParameter r = new PutParameter(
                "/t",
                "v",
                Optional.of(ParameterType.STRING),
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(new ParameterTag("env", "dev")),
                USER);
        failsWith(() -> PutRules.decide(r, Optional.empty()), SsmError.VALIDATION, "tags and overwrite");
    }

    @Test
    void allowedPatternAndDataType() {
        PutParameter r = new PutParameter(
                "/p",
                "abc",
                Optional.of(ParameterType.SECURE_STRING),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.of("^\\d+$"),
                Optional.empty(),
                List.of(),
                USER);
        failsWith(
                () -> PutRules.decide(r, Optional.empty()),
                SsmError.PARAMETER_PATTERN_MISMATCH,
                "cannot be validated against allowedPattern: ^\\d+$");
        try {
            PutRules.decide(r, Optional.empty());
        } catch (dev.gantry.core.error.ApiException e) {
            assertThat(e.getMessage()).doesNotContain("abc"); // never the value
        }
        PutParameter badRegex = new PutParameter(
                "/p",
                "abc",
                Optional.of(ParameterType.STRING),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.of("(["),
                Optional.empty(),
                List.of(),
                USER);
        failsWith(() -> PutRules.decide(badRegex, Optional.empty()), SsmError.INVALID_ALLOWED_PATTERN, "([");
        PutParameter badType = new PutParameter(
                "/p",
                "abc",
                Optional.of(ParameterType.STRING),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("Text"),
                List.of(),
                USER);
        failsWith(() -> PutRules.decide(badType, Optional.empty()), SsmError.VALIDATION, "data type is not supported");
    }

    @Test
    void theHundredthVersionDropsTheOldestUnlessItIsLabelled() {
        assertThat(PutRules.dropsOldest(99, stored(ParameterType.STRING, ParameterTier.STANDARD, 1, List.of())))
                .isFalse();
        assertThat(PutRules.dropsOldest(100, stored(ParameterType.STRING, ParameterTier.STANDARD, 1, List.of())))
                .isTrue();
        failsWith(
                () -> PutRules.dropsOldest(
                        100, stored(ParameterType.STRING, ParameterTier.STANDARD, 1, List.of("pinned"))),
                SsmError.PARAMETER_MAX_VERSION_LIMIT_EXCEEDED,
                "Version 1, the oldest version, can't be deleted");
    }
}
