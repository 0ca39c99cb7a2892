package dev.gantry.control.serviceconnect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stand-in for Cloud Map until its store is wired: every well-formed namespace name exists, with a stable ARN
 * derived from the name ({@code ns-} and 16 hex digits of its SHA-256), and a servicediscovery namespace ARN is
 * taken as it is. docs/compat/ecs.md says so.
 */
public final class ImplicitNamespaces implements ServiceConnectNamespaces {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,1024}");
    private static final Pattern ARN =
            Pattern.compile("arn:aws:servicediscovery:[a-z0-9-]+:\\d{12}:namespace/ns-[a-z0-9]+");

    private final String region;
    private final String accountId;

    public ImplicitNamespaces(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    @Override
    public Optional<String> resolve(String nameOrArn) {
        if (ARN.matcher(nameOrArn).matches()) {
            return Optional.of(nameOrArn);
        }
        if (nameOrArn.startsWith("arn:") || !NAME.matcher(nameOrArn).matches()) {
            return Optional.empty();
        }
        return Optional.of("arn:aws:servicediscovery:" + region + ":" + accountId + ":namespace/ns-" + id(nameOrArn));
    }

    private static String id(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
