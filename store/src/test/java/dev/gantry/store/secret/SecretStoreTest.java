package dev.gantry.store.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.secret.Rotation;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretErrorKind;
import dev.gantry.core.secret.SecretTag;
import dev.gantry.core.secret.SecretValue;
import dev.gantry.core.secret.SecretVersion;
import dev.gantry.core.secret.VersionStages;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.sqlite.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:app/db-Ab12Cd";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String PLAIN = "plaintext-that-must-never-reach-disk-7f3a";

    @TempDir
    Path dir;

    private Database db;
    private SecretStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        store = new SecretStore(db, new Envelope(MasterKey.random()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Secret secret(List<SecretVersion> versions) {
        return new Secret(
                ARN,
                "app/db",
                Optional.of("d"),
                Optional.empty(),
                T,
                T,
                Optional.empty(),
                Optional.empty(),
                Rotation.NONE,
                List.of(new SecretTag("k", "v")),
                versions,
                0);
    }

    @Test
    void valuesAreSealedOnDiskAndOpenOnTheWayOut() throws IOException {
        store.create(
                secret(List.of(new SecretVersion("v1", Set.of(VersionStages.CURRENT), T))),
                Optional.of(new NewVersion("v1", new SecretValue.Text(PLAIN))));
        for (String f : List.of("gantry.db", "gantry.db-wal")) {
            Path file = dir.resolve(f);
            if (Files.exists(file)) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(raw).as(f).doesNotContain(PLAIN).doesNotContain("plaintext-that");
            }
        }
        assertThat(store.current("app/db", Optional.empty(), Optional.empty())).contains(new SecretValue.Text(PLAIN));
        assertThat(store.current(ARN, Optional.of("AWSCURRENT"), Optional.of("v1")))
                .contains(new SecretValue.Text(PLAIN));
        assertThat(store.current(ARN.substring(0, ARN.length() - 7), Optional.of("AWSPREVIOUS"), Optional.empty()))
                .isEmpty();
    }

    @Test
    void aSaveFromAStaleReadWritesNothing() {
        store.create(secret(List.of()), Optional.empty());
        Secret read = store.find("app/db").orElseThrow();
        Secret withValue =
                read.withVersions(List.of(new SecretVersion("v1", Set.of(VersionStages.CURRENT), T)), T.plusSeconds(1));
        assertThat(store.save(read, withValue, Optional.of(new NewVersion("v1", new SecretValue.Text("a")))))
                .isTrue();
        assertThat(store.save(read, read.withDetails(Optional.of("x"), Optional.empty(), T), Optional.empty()))
                .isFalse();
        Secret now = store.find(ARN).orElseThrow();
        assertThat(now.description()).contains("d");
        assertThat(now.staged("AWSCURRENT").map(SecretVersion::versionId)).contains("v1");
        assertThat(now.tags()).containsExactly(new SecretTag("k", "v"));
    }

    @Test
    void aTakenNameIsRefusedAndAScheduledOneSaysSo() {
        store.create(secret(List.of()), Optional.empty());
        assertThatThrownBy(() -> store.create(secret(List.of()), Optional.empty()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(SecretErrorKind.RESOURCE_EXISTS));
        Secret s = store.find("app/db").orElseThrow();
        store.save(s, s.withDeletion(Optional.of(T), Optional.of(T.plusSeconds(60))), Optional.empty());
        assertThatThrownBy(() -> store.create(secret(List.of()), Optional.empty()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(SecretErrorKind.INVALID_REQUEST));
        assertThat(store.current("app/db", Optional.empty(), Optional.empty())).isEmpty();
        assertThat(store.purgeDeleted(T.plusSeconds(59))).isEmpty();
        assertThat(store.purgeDeleted(T.plusSeconds(60))).containsExactly(ARN);
        assertThat(store.find("app/db")).isEmpty();
    }
}
