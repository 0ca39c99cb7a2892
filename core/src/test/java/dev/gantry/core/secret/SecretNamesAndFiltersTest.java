package dev.gantry.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretNamesAndFiltersTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:prod/db-password-AbC123";

    @Test
    void namesFollowAwsCharactersAndLength() {
        assertThat(SecretNames.checkName("prod/db_pass+word=@.-!")).isEqualTo("prod/db_pass+word=@.-!");
        assertThatThrownBy(() -> SecretNames.checkName("has space")).hasMessageContaining("-/_+=.@!");
        assertThatThrownBy(() -> SecretNames.checkName("x".repeat(513))).hasMessageContaining("1 to 512");
    }

    @Test
    void theSuffixIsSixLettersOrDigitsFromTheRandomness() {
        assertThat(SecretNames.suffix("00ff10203040aabbccdd")).matches("[A-Za-z0-9]{6}");
        assertThat(SecretNames.suffix("00ff10203040")).isNotEqualTo(SecretNames.suffix("01ff10203040"));
    }

    @Test
    void aSecretIdIsANameAFullArnOrAPartialArn() {
        assertThat(SecretNames.identifies("prod/db-password", "prod/db-password", ARN))
                .isTrue();
        assertThat(SecretNames.identifies(ARN, "prod/db-password", ARN)).isTrue();
        assertThat(SecretNames.identifies(ARN.substring(0, ARN.length() - 7), "prod/db-password", ARN))
                .isTrue();
        assertThat(SecretNames.identifies(ARN.replace("AbC123", "XyZ789"), "prod/db-password", ARN))
                .isFalse();
        assertThat(SecretNames.candidateNames(ARN)).containsExactly("prod/db-password", "prod/db-password-AbC123");
        assertThat(SecretNames.candidateNames("plain")).containsExactly("plain");
    }

    private static Secret secret(String name, String description, SecretTag... tags) {
        Instant t = Instant.EPOCH;
        return new Secret(
                "arn:" + name,
                name,
                Optional.ofNullable(description),
                Optional.empty(),
                t,
                t,
                Optional.empty(),
                Optional.empty(),
                Rotation.NONE,
                List.of(tags),
                List.of(),
                0);
    }

    private static boolean match(SecretFilter.Key key, String value, Secret s) {
        return new SecretFilter(key, List.of(value)).matches(s, "us-east-1");
    }

    @Test
    void filtersMatchAsAwsDocumentsThem() {
        Secret s = secret("DatabaseSecret", "My basic Description", new SecretTag("team", "payments"));
        assertThat(match(SecretFilter.Key.NAME, "Data", s)).isTrue();
        assertThat(match(SecretFilter.Key.NAME, "data", s)).isFalse();
        assertThat(match(SecretFilter.Key.NAME, "!Data", s)).isFalse();
        assertThat(match(SecretFilter.Key.DESCRIPTION, "description", s)).isTrue();
        assertThat(match(SecretFilter.Key.TAG_KEY, "tea", s)).isTrue();
        assertThat(match(SecretFilter.Key.TAG_VALUE, "pay", s)).isTrue();
        assertThat(match(SecretFilter.Key.TAG_VALUE, "Pay", s)).isFalse();
        assertThat(match(SecretFilter.Key.ALL, "secret", s)).isTrue();
        assertThat(match(SecretFilter.Key.ALL, "PAYMENTS", s)).isTrue();
        assertThat(match(SecretFilter.Key.ALL, "other", s)).isFalse();
        assertThat(match(SecretFilter.Key.OWNING_SERVICE, "rds", s)).isFalse();
        assertThatThrownBy(() -> SecretFilter.Key.of("nope")).hasMessageContaining("tag-key");
        assertThatThrownBy(() -> new SecretFilter(SecretFilter.Key.NAME, List.of("bad#char")))
                .hasMessageContaining("letters");
    }

    @Test
    void aValueNeverShowsInToString() {
        assertThat(new SecretValue.Text("hunter2").toString()).doesNotContain("hunter2");
        assertThat(new SecretValue.Binary(new byte[] {1, 2}).toString()).doesNotContain("1");
    }
}
