package dev.gantry.core.ec2;

import java.util.Optional;

/**
 * An IPv4 CIDR block, parsed strictly: four decimal octets, a prefix length 0..32, and no bits set past the prefix
 * (EC2 refuses {@code 10.0.0.1/16} for a VPC or a subnet, and as a rule's range). Ranges compare as unsigned
 * 32-bit integers.
 */
public record Cidr(int address, int prefix) {
    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length out of 0..32: " + prefix);
        }
        if ((address & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("bits set past the prefix length");
        }
    }

    /** The block {@code text} denotes, or empty when it is not a well-formed IPv4 CIDR block in network form. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<Integer> addr = parseAddress(text.substring(0, slash));
        String len = text.substring(slash + 1);
        if (addr.isEmpty() || !len.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(len);
        if (prefix > 32 || (addr.get() & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(addr.get(), prefix));
    }

    /** A dotted-quad IPv4 address as an int, or empty. */
    public static Optional<Integer> parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int value = 0;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || (p.length() > 1 && p.startsWith("0"))) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public long first() {
        return Integer.toUnsignedLong(address);
    }

    public long last() {
        return first() + size() - 1;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    /** True when every address of {@code other} is in this block. */
    public boolean contains(Cidr other) {
        return other.first() >= first() && other.last() <= last();
    }

    public boolean containsAddress(int ip) {
        long a = Integer.toUnsignedLong(ip);
        return a >= first() && a <= last();
    }

    public boolean overlaps(Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    /** The address at {@code offset} from the block's first, dotted. */
    public String addressAt(long offset) {
        return dotted((int) (first() + offset));
    }

    public static String dotted(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    }

    @Override
    public String toString() {
        return dotted(address) + "/" + prefix;
    }
}
