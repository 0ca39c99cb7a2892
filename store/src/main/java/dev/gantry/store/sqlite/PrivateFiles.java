package dev.gantry.store.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only files in the data dir: the database holds task definitions with their environment values and the
 * credentials file the admin secret, so the data dir is made {@code rwx------} and these files {@code rw-------}
 * (no-ops on a file system without POSIX permissions).
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /**
     * Creates {@code dir} owner-only if it does not exist (its missing parents get the default mode); an existing
     * directory is left as it is, since it may be one the user chose and shares.
     */
    public static void createDirectory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, attributes(OWNER_DIR));
            restrict(absolute, OWNER_DIR); // the umask may have masked more than asked; never less
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile by someone else: as above, left as it is
        }
    }

    /** Creates {@code file} empty and owner-only if it does not exist, else makes it owner-only. */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, attributes(OWNER_FILE));
        } catch (FileAlreadyExistsException exists) {
            // tightened below
        }
        restrict(file, OWNER_FILE);
    }

    /** Makes an existing file owner-only; a missing one is ignored. */
    public static void restrictIfExists(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, OWNER_FILE);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }
}
