package dev.gantry.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's resolvers, as a stub resolver reads them: the {@code nameserver} lines of {@code /etc/resolv.conf}
 * (IPv4 or IPv6 literals, port 53), in order. Loopback resolvers (systemd-resolved's 127.0.0.53, a local dnsmasq)
 * are kept: Gantry forwards from the host, where they answer.
 */
public final class ResolvConf {
    public static final Path HOST = Path.of("/etc/resolv.conf");
    private static final int PORT = 53;

    private ResolvConf() {}

    /** The nameservers of {@code file}; none when it is missing or unreadable. */
    public static List<InetSocketAddress> nameservers(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<InetSocketAddress> parse(String text) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver") && literal(words[1])) {
                try {
                    out.add(new InetSocketAddress(InetAddress.getByName(words[1].replaceAll("%.*$", "")), PORT));
                } catch (UnknownHostException e) {
                    // not a literal after all: a stub resolver skips it too
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean literal(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9a-fA-F:.%a-zA-Z0-9]+"));
    }
}
