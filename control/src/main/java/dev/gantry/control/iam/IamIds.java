package dev.gantry.control.iam;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Random;

/**
 * IAM's identifiers, shaped as AWS's: a four-letter prefix saying what the id is ({@code AKIA} access key,
 * {@code ASIA} session key, {@code AIDA} user, {@code AROA} role, {@code ANPA} managed policy) and 16 characters of
 * {@code [A-Z2-7]}; 40-character secret keys; session tokens of random bytes in base64. Random from the injected
 * source ({@link SecureRandom} in the server).
 */
public final class IamIds {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final Random random;

    public IamIds(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public static IamIds secure() {
        return new IamIds(new SecureRandom());
    }

    public String accessKeyId() {
        return id("AKIA");
    }

    public String sessionKeyId() {
        return id("ASIA");
    }

    public String userId() {
        return id("AIDA");
    }

    public String roleId() {
        return id("AROA");
    }

    public String policyId() {
        return id("ANPA");
    }

    public String secretAccessKey() {
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            sb.append(SECRET[random.nextInt(SECRET.length)]);
        }
        return sb.toString();
    }

    public String sessionToken() {
        byte[] bytes = new byte[144];
        random.nextBytes(bytes);
        return "IQoJb3JpZ2luX2Vj" + Base64.getEncoder().encodeToString(bytes);
    }

    private String id(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 16; i++) {
            sb.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return sb.toString();
    }
}
