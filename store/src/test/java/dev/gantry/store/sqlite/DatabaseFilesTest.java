package dev.gantry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database holds task definitions with their environment values: only its owner may read it. */
class DatabaseFilesTest {

    @TempDir
    Path tmp;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aFreshDatabaseAndItsWalAndShmAreOwnerOnlyInAnOwnerOnlyDir() throws Exception {
        Path dir = tmp.resolve("data");
        try (Database db = Database.open(dir.resolve("gantry.db"))) {
            db.write(c -> c.createStatement().executeUpdate("CREATE TABLE t(x)")); // makes the -wal and -shm

            assertThat(mode(dir)).isEqualTo("rwx------");
            for (String name : new String[] {"gantry.db", "gantry.db-wal", "gantry.db-shm"}) {
                assertThat(dir.resolve(name)).exists();
                assertThat(mode(dir.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anExistingWorldReadableDatabaseIsMadeOwnerOnlyWhenOpened() throws Exception {
        Path file = tmp.resolve("gantry.db");
        try (Database db = Database.open(file)) {
            db.write(c -> c.createStatement().executeUpdate("CREATE TABLE t(x)"));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (Database db = Database.open(file)) {
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(tmp.resolve("gantry.db-wal"))).isEqualTo("rw-------");
        }
    }
}
