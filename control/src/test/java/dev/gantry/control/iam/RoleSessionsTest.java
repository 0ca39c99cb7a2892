package dev.gantry.control.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleSessionsTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/app";
    static final String ALICE = "arn:aws:iam::123456789012:user/alice";

    @TempDir
    Path dir;

    IamFixture f;
    RoleSessions sessions;

    @BeforeEach
    void open() {
        f = new IamFixture(dir);
        sessions = f.iam.sessions();
        f.iam.operations().createRole("app", "/", "trust:" + ALICE, Optional.of(7200), "", List.of());
    }

    @AfterEach
    void close() {
        f.close();
    }

    RoleSession assume(String caller, Optional<Integer> seconds) {
        return sessions.assume(caller, ROLE, "s1", seconds, Optional.empty(), Map.of());
    }

    @Test
    void issuedCredentialsAreShapedAsStsAndFoundByTheirKeyWithTokenAndExpiry() {
        RoleSession s = sessions.issue(ROLE, "0123abcd", Duration.ofMinutes(20));
        assertThat(s.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(s.secretAccessKey()).hasSize(40);
        assertThat(s.assumedRoleArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/app/0123abcd");
        assertThat(s.assumedRoleId()).matches("AROA[A-Z2-7]{16}:0123abcd");
        assertThat(s.expiration()).isEqualTo(f.now.get().plus(Duration.ofMinutes(20)));
        var key = f.iam.keys().find(s.accessKeyId()).orElseThrow();
        assertThat(key.principalArn()).isEqualTo(s.assumedRoleArn());
        assertThat(key.sessionToken()).contains(s.sessionToken());
        assertThat(key.expiration()).contains(s.expiration());
    }

    @Test
    void issuingForARoleThatDoesNotExistIsNoSuchEntity() {
        assertThatThrownBy(() -> sessions.issue("arn:aws:iam::123456789012:role/nope", "t", Duration.ofHours(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(IamError.NO_SUCH_ENTITY);
                    assertThat(e.getMessage()).isEqualTo("The role with name nope cannot be found.");
                });
    }

    @Test
    void assumeRoleIsCheckedAgainstTheTrustPolicy() {
        assertThat(assume(ALICE, Optional.empty()).expiration())
                .isEqualTo(f.now.get().plusSeconds(3600));
        assertThatThrownBy(() -> assume("arn:aws:iam::123456789012:user/mallory", Optional.empty()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
                    assertThat(e.getMessage())
                            .isEqualTo("User: arn:aws:iam::123456789012:user/mallory is not authorized to perform:"
                                    + " sts:AssumeRole on resource: " + ROLE);
                });
        assertThat(f.engine.asked.getLast().action()).isEqualTo("sts:AssumeRole");
        assertThat(f.engine.asked.getLast().resource()).isEqualTo(ROLE);
    }

    @Test
    void durationIsBetween900SecondsAndTheRolesMaximum() {
        assertThat(assume(ALICE, Optional.of(900)).expiration())
                .isEqualTo(f.now.get().plusSeconds(900));
        assertThat(assume(ALICE, Optional.of(7200)).expiration())
                .isEqualTo(f.now.get().plusSeconds(7200));
        assertThatThrownBy(() -> assume(ALICE, Optional.of(899)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThatThrownBy(() -> assume(ALICE, Optional.of(7201)))
                .hasMessage("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }

    @Test
    void anEndedSessionIsStillFoundSoTheVerifierCanSayExpired_thenPurgedADayLater() {
        RoleSession s = sessions.issue(ROLE, "t", Duration.ofHours(1));
        sessions.end(s.accessKeyId());
        assertThat(f.iam.keys().find(s.accessKeyId()).orElseThrow().expiration())
                .contains(f.now.get());
        f.now.set(f.now.get().plus(Duration.ofDays(2)));
        assertThat(sessions.purgeExpired()).isEqualTo(1);
        assertThat(f.iam.keys().find(s.accessKeyId())).isEmpty();
    }

    @Test
    void noSecretKeyNorTokenIsInTheDatabaseFilesInPlaintext() throws Exception {
        RoleSession s = sessions.issue(ROLE, "t", Duration.ofHours(1));
        f.iam.operations().createUser("u", "/", List.of());
        String userSecret = f.iam.operations().createAccessKey("u").secret();
        StringBuilder files = new StringBuilder();
        for (String name : List.of("gantry.db", "gantry.db-wal")) {
            Path file = dir.resolve(name);
            if (java.nio.file.Files.exists(file)) {
                files.append(new String(
                        java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(files.toString())
                .contains(s.accessKeyId())
                .doesNotContain(s.secretAccessKey())
                .doesNotContain(s.sessionToken())
                .doesNotContain(userSecret);
    }
}
