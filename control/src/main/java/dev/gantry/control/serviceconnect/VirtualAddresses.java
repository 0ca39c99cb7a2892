package dev.gantry.control.serviceconnect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Service Connect's virtual addresses: one per (namespace, alias name) in {@value #PREFIX}1-254, from a hash of the
 * pair, so an alias keeps its address across restarts and plans; a collision moves the later name (in sorted
 * order) to the next free address. Link-local, so no task network can hold them.
 */
final class VirtualAddresses {
    static final String PREFIX = "169.254.171.";
    static final int SIZE = 254;

    private VirtualAddresses() {}

    /** An address for each key ({@code namespaceArn + " " + dnsName}); at most {@link #SIZE} keys get one. */
    static Map<String, String> assign(List<String> keys) {
        Map<String, String> out = new HashMap<>();
        boolean[] used = new boolean[SIZE];
        for (String key : new TreeSet<>(keys)) {
            int slot = hash(key);
            for (int i = 0; i < SIZE; i++) {
                int s = (slot + i) % SIZE;
                if (!used[s]) {
                    used[s] = true;
                    out.put(key, PREFIX + (s + 1));
                    break;
                }
            }
        }
        return out;
    }

    private static int hash(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(((h[0] & 0xff) << 8) | (h[1] & 0xff), SIZE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
