package dev.gantry.runtime.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Engine-like identifiers: 64-hex runtime ids unique per driver, image digests, deterministic names. */
final class FakeIds {

    private final long salt = ThreadLocalRandom.current().nextLong();
    private final AtomicLong next = new AtomicLong();

    /** A new 64-character hex id, as Docker's container ids look. */
    String newId() {
        long n = next.incrementAndGet();
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(salt)
                + hex.toHexDigits(n)
                + hex.toHexDigits(salt ^ n * 0x9E3779B97F4A7C15L)
                + hex.toHexDigits(n);
    }

    /** A task's container name on the engine, as the Docker driver names it: {@code gantry-<taskId>-<name>}. */
    static String engineName(String taskId, String containerName) {
        return "gantry-" + taskId + "-" + containerName;
    }

    /** The image's "digest": sha256 of its reference, stable across drivers. */
    static String digest(String image) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(image.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
