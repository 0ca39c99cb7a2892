package dev.gantry.runtime.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that owns a warm (unclaimed) sandbox, written into the sandbox's name so that a Gantry of another
 * installation can prove the sandbox orphaned: same machine and pid namespace ({@code host}, a hash of the kernel's
 * boot id and the pid namespace), and no process of that pid started at that instant any more. Where the proof is
 * impossible (no /proc, a name without an owner, another host or namespace) the sandbox is left alone: only its own
 * installation adopts or removes it.
 *
 * @param host        8 hex digits identifying the boot and pid namespace the owner ran in
 * @param pid         the owner's process id
 * @param startMillis the owner's start time (epoch milliseconds), telling a reused pid from the owner
 */
record PoolOwner(String host, long pid, long startMillis) {

    private static final Pattern HOST = Pattern.compile("[0-9a-f]{8}");
    /** {@code <host>.<pid>.<start in base 36>} followed by {@code -<random>}. */
    private static final Pattern IN_NAME =
            Pattern.compile("([0-9a-f]{8})\\.([0-9]{1,10})\\.([0-9a-z]{1,12})-[0-9a-f]+");

    PoolOwner {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host must be 8 hex digits: " + host);
        }
        if (pid <= 0 || startMillis < 0) {
            throw new IllegalArgumentException("invalid owner pid/start: " + pid + "/" + startMillis);
        }
    }

    private static final Optional<PoolOwner> CURRENT = detect();

    /** This process, where it can be identified (Linux with /proc); empty elsewhere. */
    static Optional<PoolOwner> current() {
        return CURRENT;
    }

    /** The name part that identifies the owner: {@code <host>.<pid>.<start>}. */
    String token() {
        return host + "." + pid + "." + Long.toString(startMillis, 36);
    }

    /** The owner written in a pool sandbox's name ({@link Names#poolSandbox}), if it has one. */
    static Optional<PoolOwner> ofPoolName(String installationId, String name) {
        String n = Names.strip(name);
        String prefix = Names.poolSandbox(installationId, "");
        if (!n.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = IN_NAME.matcher(n.substring(prefix.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PoolOwner(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3), 36)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this owner is provably gone, as seen from {@code observer}: it ran in the observer's boot and pid
     * namespace, and no process with its pid and start time exists. False whenever in doubt.
     */
    boolean provablyGoneFrom(PoolOwner observer) {
        if (!host.equals(observer.host)) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty()) {
            return true;
        }
        Optional<Instant> started = p.get().info().startInstant();
        return started.isPresent() && started.get().toEpochMilli() != startMillis; // the pid was reused
    }

    private static Optional<PoolOwner> detect() {
        try {
            String bootId =
                    Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
            String pidNamespace =
                    Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            ProcessHandle self = ProcessHandle.current();
            Optional<Instant> started = self.info().startInstant();
            if (bootId.isEmpty() || started.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PoolOwner(
                    hostHash(bootId, pidNamespace), self.pid(), started.get().toEpochMilli()));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    static String hostHash(String bootId, String pidNamespace) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((bootId + "\n" + pidNamespace).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
