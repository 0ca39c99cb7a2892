package dev.gantry.server;

import dev.gantry.store.sqlite.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The admin key pair: from GANTRY_ACCESS_KEY_ID / GANTRY_SECRET_ACCESS_KEY when both are set, else the pair kept in
 * {@code <data-dir>/credentials} (created, readable by the owner only, on first start).
 */
public record AdminCredentials(String accessKeyId, String secretAccessKey, boolean createdNow, Optional<Path> file) {
    private static final String AKID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static AdminCredentials resolve(Path dataDir, Map<String, String> env) {
        String id = env.get("GANTRY_ACCESS_KEY_ID");
        String secret = env.get("GANTRY_SECRET_ACCESS_KEY");
        if (id != null && !id.isBlank() && secret != null && !secret.isBlank()) {
            return new AdminCredentials(id.trim(), secret.trim(), false, Optional.empty());
        }
        Path file = dataDir.resolve("credentials");
        try {
            if (Files.isRegularFile(file)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                }
                return new AdminCredentials(
                        p.getProperty("aws_access_key_id"),
                        p.getProperty("aws_secret_access_key"),
                        false,
                        Optional.of(file));
            }
            PrivateFiles.createDirectory(dataDir);
            SecureRandom rnd = new SecureRandom();
            AdminCredentials created = new AdminCredentials(
                    "AKIA" + random(rnd, AKID_CHARS, 16), random(rnd, SECRET_CHARS, 40), true, Optional.of(file));
            Properties p = new Properties();
            p.setProperty("aws_access_key_id", created.accessKeyId());
            p.setProperty("aws_secret_access_key", created.secretAccessKey());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "Gantry admin credentials (created on first start)");
            }
            return created;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read or create admin credentials in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String random(SecureRandom rnd, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
