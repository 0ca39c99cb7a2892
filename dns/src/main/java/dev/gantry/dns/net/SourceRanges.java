package dev.gantry.dns.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 ranges (CIDRs) a listener answers clients from: the task subnets it serves. A client outside them gets
 * REFUSED over UDP and its TCP connection closed, so the server is no open resolver for whoever can route to it.
 */
public record SourceRanges(List<String> cidrs, int[] networks, int[] masks) {
    public SourceRanges {
        cidrs = List.copyOf(cidrs);
        networks = networks.clone();
        masks = masks.clone();
    }

    /** Parses {@code cidrs} ({@code a.b.c.d/n}, IPv4); throws {@link IllegalArgumentException} naming a bad one. */
    public static SourceRanges of(List<String> cidrs) {
        List<String> kept = new ArrayList<>();
        int[] nets = new int[cidrs.size()];
        int[] masks = new int[cidrs.size()];
        int i = 0;
        for (String cidr : cidrs) {
            int slash = cidr.indexOf('/');
            try {
                int bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > 32) {
                    throw new IllegalArgumentException("prefix length out of 0..32");
                }
                masks[i] = bits == 0 ? 0 : -1 << (32 - bits);
                nets[i] = dotted(slash < 0 ? cidr : cidr.substring(0, slash)) & masks[i];
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an IPv4 CIDR: " + cidr + " (" + e.getMessage() + ")", e);
            }
            kept.add(cidr);
            i++;
        }
        return new SourceRanges(kept, nets, masks);
    }

    /** Whether {@code client} is inside one of the ranges (an IPv4-mapped IPv6 address counts as its IPv4 one). */
    public boolean contains(InetAddress client) {
        Inet4Address v4 = ipv4(client);
        if (v4 == null) {
            return false;
        }
        int a = toInt(v4);
        for (int i = 0; i < networks.length; i++) {
            if ((a & masks[i]) == networks[i]) {
                return true;
            }
        }
        return false;
    }

    private static Inet4Address ipv4(InetAddress a) {
        if (a instanceof Inet4Address v4) {
            return v4;
        }
        byte[] b = a.getAddress();
        boolean mapped = b.length == 16 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        for (int i = 0; mapped && i < 10; i++) {
            mapped = b[i] == 0;
        }
        if (!mapped) {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    private static int dotted(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a dotted IPv4 address");
        }
        int out = 0;
        for (String p : parts) {
            int octet = Integer.parseInt(p);
            if (p.isEmpty() || p.length() > 3 || octet < 0 || octet > 255) {
                throw new IllegalArgumentException("octet out of 0..255: " + p);
            }
            out = (out << 8) | octet;
        }
        return out;
    }

    private static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceRanges r && r.cidrs.equals(cidrs);
    }

    @Override
    public int hashCode() {
        return cidrs.hashCode();
    }

    @Override
    public String toString() {
        return cidrs.toString();
    }
}
