package dev.gantry.store.crypto;

import dev.gantry.store.sqlite.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The 256-bit key that wraps every data key. Where it comes from, first match wins: {@code GANTRY_MASTER_KEY}
 * (base64 of 32 bytes, for operators who keep it in a secret store), {@code GANTRY_MASTER_KEY_FILE} (a file holding
 * that base64 text), else {@code <data-dir>/master.key}, created owner-only ({@code 0600}) with a random key on
 * first start. Losing the key file loses every sealed value; {@link #id()} lets a sealed value say which key it
 * needs. {@link #toString()} never shows the key.
 */
public final class MasterKey {

    static final int LENGTH = 32;
    static final String FILE_NAME = "master.key";
    static final String ENV_KEY = "GANTRY_MASTER_KEY";
    static final String ENV_FILE = "GANTRY_MASTER_KEY_FILE";

    private final byte[] key;
    private final byte[] id;
    private final String source;

    private MasterKey(byte[] key, String source) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException(
                    "the master key from " + source + " is " + key.length + " bytes; it must be " + LENGTH
                            + " bytes, base64-encoded (e.g. `head -c 32 /dev/urandom | base64`)");
        }
        this.key = key.clone();
        this.id = Arrays.copyOf(sha256(key), 4);
        this.source = source;
    }

    /** A key from its raw bytes (tests, and operators' tooling). */
    public static MasterKey of(byte[] key) {
        return new MasterKey(key, "bytes");
    }

    /** A fresh random key, never written anywhere (tests). */
    public static MasterKey random() {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        return new MasterKey(key, "random");
    }

    /** The operator's key if one is configured, else the data dir's key file, created on first use. */
    public static MasterKey resolve(Path dataDir, Map<String, String> env) {
        Optional<String> inline = Optional.ofNullable(env.get(ENV_KEY)).filter(v -> !v.isBlank());
        if (inline.isPresent()) {
            return new MasterKey(decode(inline.get(), ENV_KEY), ENV_KEY);
        }
        Optional<Path> file =
                Optional.ofNullable(env.get(ENV_FILE)).filter(v -> !v.isBlank()).map(Path::of);
        if (file.isPresent()) {
            return read(file.get(), ENV_FILE + "=" + file.get());
        }
        return loadOrCreate(dataDir.resolve(FILE_NAME));
    }

    private static MasterKey loadOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                PrivateFiles.createDirectory(file.getParent());
                byte[] key = new byte[LENGTH];
                new SecureRandom().nextBytes(key);
                Path partial = file.resolveSibling(FILE_NAME + ".new");
                Files.deleteIfExists(partial);
                PrivateFiles.createFile(partial);
                Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    Files.move(partial, file); // never replaces a key another process wrote meanwhile
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(partial);
                }
            }
            PrivateFiles.restrictIfExists(file);
            return read(file, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the master key file " + file, e);
        }
    }

    private static MasterKey read(Path file, String source) {
        try {
            return new MasterKey(decode(Files.readString(file, StandardCharsets.US_ASCII), source), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key from " + source, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key from " + source + " is not base64", e);
        }
    }

    /** Four bytes naming this key in every value sealed under it (a hash prefix, not the key). */
    byte[] id() {
        return id.clone();
    }

    byte[] bytes() {
        return key.clone();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + HexFormat.of().formatHex(id) + ", from " + source + "]";
    }
}
