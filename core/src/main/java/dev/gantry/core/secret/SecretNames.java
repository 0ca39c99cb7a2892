package dev.gantry.core.secret;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names, ARNs and ids of secrets. A secret's ARN is {@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX}
 * where {@code XXXXXX} is 6 random letters and digits (AWS's suffix, so a deleted and re-created secret gets a new
 * ARN); the randomness is passed in. A SecretId is a name, a full ARN or a partial ARN (without the suffix).
 */
public final class SecretNames {
    public static final int MAX_NAME = 512;
    public static final int MAX_SECRET_ID = 2048;
    public static final int SUFFIX_LENGTH = 6;
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@!-]+");
    static final String BAD_NAME = "Invalid name. Must be a valid name containing alphanumeric characters, or any of "
            + "the following: -/_+=.@!";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private SecretNames() {}

    /** The name if AWS allows it; else InvalidParameterException saying what to change. */
    public static String checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw SecretMessages.invalidParameter("The secret name '" + abbreviate(name) + "' is " + name.length()
                    + " characters long; a name has 1 to " + MAX_NAME + " characters.");
        }
        if (!NAME.matcher(name).matches()) {
            throw SecretMessages.invalidParameter(BAD_NAME);
        }
        return name;
    }

    /** The 6-character suffix AWS appends to a secret's ARN, made from random bytes (hex, at least 12 digits). */
    public static String suffix(String randomHex) {
        if (randomHex.length() < 2 * SUFFIX_LENGTH) {
            throw new IllegalArgumentException("need 12 hex digits of randomness for a secret ARN suffix");
        }
        StringBuilder out = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            int b = Integer.parseInt(randomHex.substring(2 * i, 2 * i + 2), 16);
            out.append(ALPHABET.charAt(b % ALPHABET.length()));
        }
        return out.toString();
    }

    public static String arn(String region, String accountId, String name, String suffix) {
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + name + "-" + suffix;
    }

    /** The name part of a secret ARN (full or partial): everything after {@code :secret:}. */
    public static Optional<String> arnResource(String secretId) {
        if (!secretId.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = secretId.split(":", 7);
        if (parts.length < 7 || !parts[2].equals("secretsmanager") || !parts[5].equals("secret")) {
            return Optional.empty();
        }
        return Optional.of(parts[6]);
    }

    /** Whether {@code secretId} names {@code secret}: its name, its ARN, or its ARN without the random suffix. */
    public static boolean identifies(String secretId, String name, String arn) {
        if (secretId.startsWith("arn:")) {
            return secretId.equals(arn) || secretId.equals(arn.substring(0, arn.length() - SUFFIX_LENGTH - 1));
        }
        return secretId.equals(name);
    }

    /**
     * The names a SecretId could refer to, for the store's look-up: the name itself, or for an ARN the name with and
     * without the last {@code -XXXXXX} (a name may itself end in a hyphen and 6 characters).
     */
    public static java.util.List<String> candidateNames(String secretId) {
        Optional<String> resource = arnResource(secretId);
        if (resource.isEmpty()) {
            return java.util.List.of(secretId);
        }
        String r = resource.get();
        int dash = r.length() - SUFFIX_LENGTH - 1;
        if (dash > 0 && r.charAt(dash) == '-') {
            return java.util.List.of(r.substring(0, dash), r);
        }
        return java.util.List.of(r);
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
