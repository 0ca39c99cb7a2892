package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start makes the data dir and the credentials file readable by their owner only. */
class AdminCredentialsTest {

    @TempDir
    Path tmp;

    @Test
    void aNewDataDirIsOwnerOnlyAndSoIsTheCredentialsFile() throws Exception {
        Path dataDir = tmp.resolve("gantry-data");

        AdminCredentials created = AdminCredentials.resolve(dataDir, Map.of());

        assertThat(created.createdNow()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("credentials"))))
                .isEqualTo("rw-------");
        assertThat(AdminCredentials.resolve(dataDir, Map.of()).accessKeyId()).isEqualTo(created.accessKeyId());
    }
}
