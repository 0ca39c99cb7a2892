package dev.gantry.control.endpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the ids in a task's endpoint URIs: HMAC-SHA256 under the installation's endpoint key, so they cannot be
 * guessed from a task id, need no storage and come out the same after a restart (a running container keeps the
 * URIs it was created with). A metadata id is per container ({@code <taskId>-<32 hex>}, the task id first as in
 * Fargate's ids); a credentials id is per task, shaped as the UUID ECS uses.
 */
public final class EndpointIds {
    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public EndpointIds(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the endpoint key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The id in a container's {@code ECS_CONTAINER_METADATA_URI_V4} (and v3). */
    public String metadataId(String taskId, String containerName) {
        return taskId + "-" + HexFormat.of().formatHex(mac("metadata\n" + taskId + "\n" + containerName), 0, 16);
    }

    /** The id in a task's {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}. */
    public String credentialsId(String taskArn) {
        String h = HexFormat.of().formatHex(mac("credentials\n" + taskArn), 0, 16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
