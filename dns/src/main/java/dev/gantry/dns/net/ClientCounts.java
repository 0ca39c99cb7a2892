package dev.gantry.dns.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts something each client holds (connections, forwards) against a per-client and a total cap, without locks
 * beyond one map bin: {@link #acquire} says whether the client may take one more, {@link #release} gives it back.
 */
public final class ClientCounts {
    private final int total;
    private final int perClient;
    private final AtomicInteger held = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> byClient = new ConcurrentHashMap<>();

    public ClientCounts(int total, int perClient) {
        this.total = total;
        this.perClient = perClient;
    }

    /** Takes one for {@code client} when both caps allow it; false (nothing taken) otherwise. */
    boolean acquire(InetAddress client) {
        if (held.incrementAndGet() > total) {
            held.decrementAndGet();
            return false;
        }
        boolean[] taken = {false};
        byClient.compute(client, (c, n) -> {
            int now = n == null ? 0 : n;
            if (now >= perClient) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            held.decrementAndGet();
        }
        return taken[0];
    }

    void release(InetAddress client) {
        byClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
        held.decrementAndGet();
    }

    int held() {
        return held.get();
    }
}
