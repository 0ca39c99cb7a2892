package dev.gantry.server;

import dev.gantry.store.sqlite.PrivateFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The key the task endpoint's ids are derived from ({@code task-endpoint.key} in the data dir, 32 random bytes,
 * owner-only): created on first start and kept, so a restarted Gantry recognises the URIs its running tasks hold.
 */
final class EndpointKey {
    static final String FILE = "task-endpoint.key";
    private static final int BYTES = 32;

    private EndpointKey() {}

    static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                PrivateFiles.createDirectory(dataDir);
                byte[] key = new byte[BYTES];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, key);
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: use theirs
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length < BYTES) {
                throw new IllegalStateException("the task endpoint key " + file + " is shorter than " + BYTES
                        + " bytes; remove it (running tasks then lose their endpoint URIs) and restart");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read or create the task endpoint key " + file + ": " + e.getMessage(), e);
        }
    }
}
