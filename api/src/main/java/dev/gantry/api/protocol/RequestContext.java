package dev.gantry.api.protocol;

import java.time.Instant;

/** Who called and when: established by SigV4 verification before any handler runs. */
public record RequestContext(String requestId, String accessKeyId, String principalArn, Instant receivedAt) {}
