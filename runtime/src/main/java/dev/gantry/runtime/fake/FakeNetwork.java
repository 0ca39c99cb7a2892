package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.RuntimeError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * IPv4 addresses of one fake bridge network: the gateway is the subnet's first host, sandboxes get the next free
 * ones; released addresses are reused. Guarded by the driver's lock.
 */
final class FakeNetwork {

    static final String NO_ADDRESS = "no available IPv4 addresses on this network's address pools: %s (%s)";

    private final String name;
    private final String subnet;
    private final int base;
    private final int size;
    private final Deque<Integer> released = new ArrayDeque<>();
    private int next = 2;

    private final boolean internal;

    FakeNetwork(String name, String subnetCidr) {
        this(name, subnetCidr, false);
    }

    FakeNetwork(String name, String subnetCidr, boolean internal) {
        this.internal = internal;
        this.name = name;
        this.subnet = subnetCidr;
        String[] parts = subnetCidr.split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("subnet must be a CIDR block like 10.88.0.0/16: " + subnetCidr);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("subnet prefix must be between /8 and /30: " + subnetCidr);
        }
        this.size = 1 << (32 - prefix);
        this.base = parse(parts[0]) & -size;
    }

    String name() {
        return name;
    }

    String subnet() {
        return subnet;
    }

    boolean internal() {
        return internal;
    }

    /** True when the two ranges share an address. */
    boolean overlaps(FakeNetwork other) {
        int common = Math.max(size, other.size);
        return (base & -common) == (other.base & -common);
    }

    String gateway() {
        return format(base + 1);
    }

    String allocate() {
        Integer reused = released.poll();
        if (reused != null) {
            return format(reused);
        }
        if (next >= size - 1) {
            throw new RuntimeError(
                    RuntimeError.Kind.SANDBOX_FAILED, String.format(NO_ADDRESS, name, subnet), false, null);
        }
        return format(base + next++);
    }

    void release(String address) {
        if (!address.isEmpty()) {
            released.add(parse(address));
        }
    }

    /** Docker's classic scheme: 02:42 followed by the four address bytes. */
    static String mac(String address) {
        int ip = parse(address);
        return "02:42:"
                + HexFormat.ofDelimiter(":")
                        .formatHex(new byte[] {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip});
    }

    private static int parse(String dotted) {
        String[] b = dotted.split("\\.");
        if (b.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int ip = 0;
        for (String part : b) {
            ip = (ip << 8) | (Integer.parseInt(part) & 0xff);
        }
        return ip;
    }

    private static String format(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }
}
