package dev.gantry.core.iam.policy;

import java.util.Optional;

/**
 * An IPv4 or IPv6 CIDR block ({@code 203.0.113.0/24}, {@code 2001:db8::/32}; a bare address is a /32 or /128) for
 * {@code IpAddress} and {@code NotIpAddress}. Only literals are parsed: nothing here ever resolves a host name.
 */
record Cidr(byte[] network, int prefix) {
    static Optional<Cidr> parse(String raw) {
        String value = raw.strip();
        int slash = value.indexOf('/');
        Optional<byte[]> address = address(slash < 0 ? value : value.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(length);
        }
        return Optional.of(new Cidr(address.get(), prefix));
    }

    /** Whether {@code ip} (a literal address; an IPv4-mapped IPv6 address counts as its IPv4 one) is inside. */
    boolean contains(String ip) {
        Optional<byte[]> parsed = address(ip.strip());
        if (parsed.isEmpty()) {
            return false;
        }
        byte[] candidate = parsed.get();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    static Optional<byte[]> address(String text) {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return Optional.of(out);
    }

    /**
     * An IPv6 literal parsed by hand (never {@code InetAddress}, which may ask the resolver for what is no literal):
     * eight groups of 1-4 hex digits, at most one {@code ::}, optionally an IPv4 tail; an IPv4-mapped address
     * ({@code ::ffff:a.b.c.d}) is returned as its IPv4 address.
     */
    private static Optional<byte[]> ipv6(String text) {
        if (text.length() > 45 || !text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        String hex = text;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0) {
            Optional<byte[]> tail = address(text.substring(lastColon + 1));
            if (tail.isEmpty() || tail.get().length != 4) {
                return Optional.empty();
            }
            byte[] v4 = tail.get();
            hex = text.substring(0, lastColon + 1)
                    + Integer.toHexString(((v4[0] & 0xff) << 8) | (v4[1] & 0xff)) + ":"
                    + Integer.toHexString(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
        }
        int gap = hex.indexOf("::");
        if (gap >= 0 && hex.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        Optional<int[]> left = groups(gap < 0 ? hex : hex.substring(0, gap));
        Optional<int[]> right = groups(gap < 0 ? "" : hex.substring(gap + 2));
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        int count = left.get().length + right.get().length;
        if (gap < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        byte[] out = new byte[16];
        put(out, 0, left.get());
        put(out, 8 - right.get().length, right.get());
        boolean mapped = out[10] == (byte) 0xff && out[11] == (byte) 0xff;
        for (int i = 0; i < 10 && mapped; i++) {
            mapped = out[i] == 0;
        }
        return Optional.of(mapped ? java.util.Arrays.copyOfRange(out, 12, 16) : out);
    }

    /** Colon-separated groups of 1-4 hex digits; the empty string is no group. */
    private static Optional<int[]> groups(String text) {
        if (text.isEmpty()) {
            return Optional.of(new int[0]);
        }
        String[] parts = text.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[0-9A-Fa-f]{1,4}")) {
                return Optional.empty();
            }
            out[i] = Integer.parseInt(parts[i], 16);
        }
        return Optional.of(out);
    }

    private static void put(byte[] out, int group, int[] values) {
        for (int i = 0; i < values.length; i++) {
            out[(group + i) * 2] = (byte) (values[i] >>> 8);
            out[(group + i) * 2 + 1] = (byte) values[i];
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && java.util.Arrays.equals(network, c.network) && prefix == c.prefix;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        return "Cidr[" + java.util.Arrays.toString(network) + "/" + prefix + "]";
    }
}
