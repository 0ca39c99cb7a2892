package dev.gantry.core.ec2;

import java.util.regex.Pattern;

/**
 * EC2's resource ids: a type prefix and 17 lowercase hex characters ({@code vpc-0a1b2c3d4e5f60718}), derived from an
 * injected random source so core stays deterministic. Gantry's fixed ids ({@link DefaultVpc}) are well formed too.
 */
public final class Ec2Ids {
    public static final String VPC = "vpc-";
    public static final String SUBNET = "subnet-";
    public static final String SECURITY_GROUP = "sg-";
    public static final String RULE = "sgr-";
    public static final String NETWORK_INTERFACE = "eni-";

    private static final Pattern TAIL = Pattern.compile("[0-9a-z][0-9a-z-]{0,62}");

    private Ec2Ids() {}

    /** An id of the type {@code prefix} from at least 17 random hex characters (a task id, say). */
    public static String of(String prefix, String randomHex) {
        if (randomHex.length() < 17 || !randomHex.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("need 17 hex characters: " + randomHex);
        }
        return prefix + randomHex.substring(0, 17);
    }

    /** True when {@code id} has the type's prefix and an id's characters after it (not that it exists). */
    public static boolean wellFormed(String prefix, String id) {
        return id != null
                && id.startsWith(prefix)
                && TAIL.matcher(id.substring(prefix.length())).matches();
    }
}
