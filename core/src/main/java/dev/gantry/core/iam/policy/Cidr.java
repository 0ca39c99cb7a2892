package dev.gantry.core.iam.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

    private static Optional<byte[]> ipv6(String text) {
        // Hex digits, colons and (for an embedded IPv4 tail) dots only: InetAddress then parses a literal, no DNS.
        if (!text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return Optional.of(bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
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
