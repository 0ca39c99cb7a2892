package dev.gantry.core.id;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Where new identifiers come from. Injected, so core logic stays deterministic under test. */
public interface IdSource {

    /** A task id: 32 lowercase hex characters, as ECS's long-format task ARNs use. */
    String taskId();

    /** A random UUID string. */
    String uuid();

    /** Cryptographically random ids. */
    static IdSource random() {
        SecureRandom rnd = new SecureRandom();
        return new IdSource() {
            @Override
            public String taskId() {
                byte[] b = new byte[16];
                rnd.nextBytes(b);
                return HexFormat.of().formatHex(b);
            }

            @Override
            public String uuid() {
                return UUID.randomUUID().toString();
            }
        };
    }
}
