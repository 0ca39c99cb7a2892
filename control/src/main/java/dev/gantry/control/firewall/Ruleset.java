package dev.gantry.control.firewall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** One task's filter table, as {@code iptables-restore} reads it (replacing the whole table at once). */
public record Ruleset(String taskId, String text) {
    public Ruleset {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(text, "text");
    }

    /** A digest of the text: a ruleset whose hash was applied already need not be applied again. */
    public String hash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
