package dev.gantry.dns.table;

import java.util.Locale;

/** DNS names as the table keys them: lower case, no trailing dot ({@code Backend.Local.} → {@code backend.local}). */
public final class Names {
    private Names() {}

    public static String normal(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Whether {@code name} is {@code zone} or below it (both normal). */
    public static boolean within(String name, String zone) {
        return name.equals(zone) || name.endsWith("." + zone);
    }

    /** {@code name} without its first label; empty for a single label. */
    public static String parent(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static String checked(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        String n = normal(name);
        if (n.length() > 253 || n.startsWith(".") || n.contains("..")) {
            throw new IllegalArgumentException(what + " is not a DNS name: " + name);
        }
        for (String label : n.split("\\.")) {
            if (label.length() > 63) {
                throw new IllegalArgumentException(what + " has a label longer than 63 characters: " + name);
            }
        }
        return n;
    }
}
