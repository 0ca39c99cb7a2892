package dev.gantry.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A minimal in-memory ustar writer for image build contexts: regular files and directories, numeric owner 0,
 * fixed mtime (so identical inputs give identical contexts). Names up to 255 bytes (ustar prefix split).
 */
final class TarWriter {

    private static final int BLOCK = 512;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Set<String> dirs = new LinkedHashSet<>();

    /** Adds a file, and entries for any parent directories not added yet. */
    TarWriter file(String path, byte[] content, int mode) {
        String name = relative(path);
        parents(name);
        header(name, content.length, mode, (byte) '0');
        out.writeBytes(content);
        pad(content.length);
        return this;
    }

    /** Adds a directory (and its parents). */
    TarWriter directory(String path, int mode) {
        String name = relative(path);
        parents(name);
        if (dirs.add(name)) {
            header(name + "/", 0, mode, (byte) '5');
        }
        return this;
    }

    /** The archive, terminated by two zero blocks. */
    byte[] finish() {
        out.writeBytes(new byte[BLOCK * 2]);
        return out.toByteArray();
    }

    private void parents(String name) {
        int slash = name.indexOf('/');
        while (slash > 0) {
            String dir = name.substring(0, slash);
            if (dirs.add(dir)) {
                header(dir + "/", 0, 0755, (byte) '5');
            }
            slash = name.indexOf('/', slash + 1);
        }
    }

    private static String relative(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || java.util.Arrays.asList(p.split("/")).contains("..")) {
            throw new IllegalArgumentException("bad archive path: " + path);
        }
        return p;
    }

    private void header(String name, long size, int mode, byte type) {
        byte[] h = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length <= 100) {
            System.arraycopy(n, 0, h, 0, n.length);
        } else {
            int split = name.lastIndexOf('/', Math.min(name.length() - 2, 155)); // a directory keeps its slash
            byte[] prefix = name.substring(0, Math.max(split, 0)).getBytes(StandardCharsets.UTF_8);
            byte[] rest = name.substring(split + 1).getBytes(StandardCharsets.UTF_8);
            if (split <= 0 || prefix.length > 155 || rest.length > 100) {
                throw new IllegalArgumentException("archive path too long: " + name);
            }
            System.arraycopy(rest, 0, h, 0, rest.length);
            System.arraycopy(prefix, 0, h, 345, prefix.length);
        }
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 0);
        h[156] = type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        out.writeBytes(h);
    }

    /** Zero-padded octal in {@code len - 1} digits followed by NUL. */
    private static void octal(byte[] h, int off, int len, long value) {
        String s = Long.toOctalString(value);
        if (s.length() > len - 1) {
            throw new IllegalArgumentException("value too large for tar header: " + value);
        }
        s = "0".repeat(len - 1 - s.length()) + s;
        System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }

    private void pad(long size) {
        int rem = (int) (size % BLOCK);
        if (rem != 0) {
            out.writeBytes(new byte[BLOCK - rem]);
        }
    }
}
