package dev.gantry.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeTest {

    private static final String CONTEXT = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf|v1";

    @Test
    void aSealedValueOpensWithTheSameKeyAndContextAndHidesThePlaintext() {
        Envelope envelope = new Envelope(MasterKey.random());
        byte[] sealed = envelope.sealString("hunter2-very-secret", CONTEXT);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
        assertThat(envelope.openString(sealed, CONTEXT)).isEqualTo("hunter2-very-secret");
    }

    @Test
    void everySealIsFreshSoEqualValuesDoNotLookEqual() {
        Envelope envelope = new Envelope(MasterKey.random());
        assertThat(envelope.sealString("same", CONTEXT)).isNotEqualTo(envelope.sealString("same", CONTEXT));
    }

    @Test
    void anotherContextAnotherKeyOrAnyAlteredByteDoesNotOpen() {
        Envelope envelope = new Envelope(MasterKey.random());
        byte[] sealed = envelope.sealString("s3cr3t-p4ss", CONTEXT);

        assertThatThrownBy(() -> envelope.open(sealed, CONTEXT + "x"))
                .isInstanceOf(SealingException.class)
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new Envelope(MasterKey.random()).open(sealed, CONTEXT))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("another master key");
        for (int i = 5; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 1;
            assertThatThrownBy(() -> envelope.open(altered, CONTEXT)).isInstanceOf(SealingException.class);
        }
        assertThatThrownBy(() -> envelope.open(new byte[3], CONTEXT)).isInstanceOf(SealingException.class);
    }

    @Test
    void emptyAndBinaryValuesRoundTrip() {
        Envelope envelope = new Envelope(MasterKey.random());
        byte[] binary = {0, 1, (byte) 0xff, 42};
        assertThat(envelope.open(envelope.seal(new byte[0], CONTEXT), CONTEXT)).isEmpty();
        assertThat(envelope.open(envelope.seal(binary, CONTEXT), CONTEXT)).isEqualTo(binary);
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyOnceAndReusedAfterARestart(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        MasterKey first = MasterKey.resolve(dataDir, Map.of());
        byte[] sealed = new Envelope(first).sealString("survives", CONTEXT);

        Path file = dataDir.resolve(MasterKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        MasterKey again = MasterKey.resolve(dataDir, Map.of());
        assertThat(new Envelope(again).openString(sealed, CONTEXT)).isEqualTo("survives");
        assertThat(again.toString()).doesNotContain(Files.readString(file).strip());
    }

    @Test
    void anOperatorSuppliedKeyWinsAndABadOneSaysWhatToDo(@TempDir Path dir) throws Exception {
        byte[] raw = new byte[32];
        raw[0] = 7;
        String b64 = Base64.getEncoder().encodeToString(raw);
        MasterKey inline = MasterKey.resolve(dir, Map.of(MasterKey.ENV_KEY, b64));
        Path keyFile = dir.resolve("operator.key");
        Files.writeString(keyFile, b64 + "\n");
        MasterKey fromFile = MasterKey.resolve(dir, Map.of(MasterKey.ENV_FILE, keyFile.toString()));

        assertThat(new Envelope(fromFile).openString(new Envelope(inline).sealString("x", CONTEXT), CONTEXT))
                .isEqualTo("x");
        assertThat(dir.resolve(MasterKey.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> MasterKey.resolve(dir, Map.of(MasterKey.ENV_KEY, "c2hvcnQ=")))
                .hasMessageContaining("must be 32 bytes");
    }
}
