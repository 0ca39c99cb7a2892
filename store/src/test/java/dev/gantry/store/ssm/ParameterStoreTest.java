package dev.gantry.store.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.ssm.ParameterRef;
import dev.gantry.core.ssm.ParameterTag;
import dev.gantry.core.ssm.ParameterTier;
import dev.gantry.core.ssm.ParameterType;
import dev.gantry.core.ssm.ParameterVersion;
import dev.gantry.core.ssm.PutParameter;
import dev.gantry.core.ssm.SsmError;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.sqlite.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterStoreTest {
    static final String USER = "arn:aws:iam::123456789012:root";

    @TempDir
    Path dir;

    Database db;
    ParameterStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        store = new ParameterStore(
                db,
                new Envelope(MasterKey.random()),
                "us-east-1",
                "123456789012",
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
                3);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static PutParameter put(String name, String value, ParameterType type, boolean overwrite, ParameterTag... tags) {
        return new PutParameter(
                name,
                value,
                Optional.ofNullable(type),
                Optional.empty(),
                overwrite,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(tags),
                USER);
    }

    ParameterRef ref(String text) {
        return ParameterRef.parse(text, "us-east-1", "123456789012").orElseThrow();
    }

    static void failsWith(Runnable r, SsmError kind, String words) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(words);
        });
    }

    @Test
    void versionsIncrementAndSelectorsPickThem() {
        assertThat(store.put(put("/app/flag", "off", ParameterType.STRING, false))
                        .version())
                .isEqualTo(1);
        assertThat(store.put(put("/app/flag", "on", null, true)).version()).isEqualTo(2);
        assertThat(store.reveal(store.get(ref("/app/flag")))).isEqualTo("on");
        assertThat(store.reveal(store.get(ref("/app/flag:1")))).isEqualTo("off");
        failsWith(() -> store.get(ref("/app/flag:9")), SsmError.PARAMETER_VERSION_NOT_FOUND, "version 9 of /app/flag");
        failsWith(() -> store.get(ref("/nope")), SsmError.PARAMETER_NOT_FOUND, "/nope");
        assertThat(store.history(ref("/app/flag")))
                .extracting(ParameterVersion::version)
                .containsExactly(1L, 2L);
    }

    @Test
    void labelsMoveBetweenVersionsAndInvalidOnesAreReturned() {
        store.put(put("/l", "a", ParameterType.STRING, false));
        store.put(put("/l", "b", null, true));
        var first = store.label("/l", Optional.of(1L), List.of("prod", "1bad", "awsx"));
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.invalidLabels()).containsExactly("1bad", "awsx");
        assertThat(store.reveal(store.get(ref("/l:prod")))).isEqualTo("a");
        store.label("/l", Optional.empty(), List.of("prod"));
        assertThat(store.reveal(store.get(ref("/l:prod")))).isEqualTo("b");
        assertThat(store.history(ref("/l")))
                .extracting(ParameterVersion::labels)
                .containsExactly(List.of(), List.of("prod"));
        failsWith(() -> store.get(ref("/l:staging")), SsmError.PARAMETER_NOT_FOUND, "/l:staging");
        failsWith(
                () -> store.label("/l", Optional.of(7L), List.of("x")),
                SsmError.PARAMETER_VERSION_NOT_FOUND,
                "version 7");
        store.label("/l", Optional.of(1L), List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"));
        failsWith(
                () -> store.label("/l", Optional.of(1L), List.of("a11")),
                SsmError.PARAMETER_VERSION_LABEL_LIMIT_EXCEEDED,
                "maximum 10 labels");
    }

    @Test
    void secureStringsAreSealedInTheDatabaseAndOpenedOnlyOnRequest() throws Exception {
        String secret = "pl41ntext-Zebra-" + System.nanoTime();
        store.put(put("/db/password", secret, ParameterType.SECURE_STRING, false));
        store.put(put("/db/password", secret + "-2", null, true));
        ParameterVersion v = store.get(ref("/db/password"));
        assertThat(store.reveal(v)).isEqualTo(secret + "-2");
        assertThat(store.ciphertext(v))
                .doesNotContain(secret)
                .isEqualTo(store.ciphertext(store.get(ref("/db/password"))));
        assertThat(store.value("arn:aws:ssm:us-east-1:123456789012:parameter/db/password:1"))
                .contains(secret);
        assertThat(v.toString()).doesNotContain(secret);
        db.close();
        for (String file : List.of("gantry.db", "gantry.db-wal")) {
            Path p = dir.resolve(file);
            if (Files.exists(p)) {
                assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1))
                        .as(file)
                        .doesNotContain(secret)
                        .contains("/db/password"); // the name is there: the grep can find text
            }
        }
        db = Database.open(dir.resolve("gantry.db"));
    }

    @Test
    void aSealedValueCopiedToAnotherVersionDoesNotOpen() {
        store.put(put("/s", "one", ParameterType.SECURE_STRING, false));
        store.put(put("/s", "two", null, true));
        db.write(c -> {
            try (var ps = c.prepareStatement(
                    "UPDATE ssm_parameter_versions SET sealed = (SELECT sealed FROM ssm_parameter_versions"
                            + " WHERE name = '/s' AND version = 1) WHERE name = '/s' AND version = 2")) {
                return ps.executeUpdate();
            }
        });
        assertThatThrownBy(() -> store.reveal(store.get(ref("/s"))))
                .hasMessageNotContaining("one")
                .hasMessageContaining("altered or belongs to another record");
    }

    @Test
    void theReadSeamTakesNamesArnsVersionsAndLabels() {
        store.put(put("flag", "blue", ParameterType.STRING, false));
        store.put(put("flag", "green", null, true));
        store.label("flag", Optional.of(1L), List.of("stable"));
        assertThat(store.value("flag")).contains("green");
        assertThat(store.value("flag:1")).contains("blue");
        assertThat(store.value("flag:stable")).contains("blue");
        assertThat(store.value("arn:aws:ssm:us-east-1:123456789012:parameter/flag"))
                .contains("green");
        assertThat(store.value("flag:3")).isEmpty();
        assertThat(store.value("missing")).isEmpty();
        assertThat(store.value("arn:aws:ssm:eu-west-1:123456789012:parameter/flag"))
                .isEmpty();
    }

    @Test
    void aHundredVersionsAreKeptAndALabelledOldestOneIsNeverDropped() {
        store.put(put("/v", "0", ParameterType.STRING, false));
        for (int i = 1; i < 100; i++) {
            store.put(put("/v", Integer.toString(i), null, true));
        }
        assertThat(store.history(ref("/v"))).hasSize(100);
        store.put(put("/v", "100", null, true));
        List<ParameterVersion> kept = store.history(ref("/v"));
        assertThat(kept).hasSize(100);
        assertThat(kept.getFirst().version()).isEqualTo(2);
        assertThat(kept.getLast().version()).isEqualTo(101);
        store.label("/v", Optional.of(2L), List.of("pinned"));
        failsWith(
                () -> store.put(put("/v", "101", null, true)),
                SsmError.PARAMETER_MAX_VERSION_LIMIT_EXCEEDED,
                "Version 2, the oldest version");
        assertThat(store.latest("/v").orElseThrow().version()).isEqualTo(101);
    }

    @Test
    void deletesTagsAndTheParameterLimit() {
        store.put(put("/a", "1", ParameterType.STRING, false, new ParameterTag("env", "dev")));
        store.put(put("/b", "1", ParameterType.STRING_LIST, false));
        store.put(put("/c", "1", ParameterType.STRING, false));
        failsWith(
                () -> store.put(put("/d", "1", ParameterType.STRING, false)),
                SsmError.PARAMETER_LIMIT_EXCEEDED,
                "exceeded the number of parameters");
        assertThat(store.tags("/a")).containsEntry("env", "dev");
        store.addTags("/a", List.of(new ParameterTag("team", "web")));
        store.removeTags("/a", List.of("env"));
        assertThat(store.tags("/a")).containsOnlyKeys("team");
        assertThat(store.list("")).extracting(l -> l.latest().name()).containsExactly("/a", "/b", "/c");
        assertThat(store.delete("/a")).isTrue();
        assertThat(store.delete("/a")).isFalse();
        failsWith(() -> store.tags("/a"), SsmError.INVALID_RESOURCE_ID, "/a");
        assertThat(store.put(put("/d", "1", ParameterType.STRING, false)).tier())
                .isEqualTo(ParameterTier.STANDARD);
    }
}
