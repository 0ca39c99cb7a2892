package dev.gantry.runtime.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that owns a warm (unclaimed) sandbox, written into the sandbox's name so that a Gantry of another
 * installation can prove the sandbox orphaned: same machine and pid namespace ({@code host}, a hash of the kernel's
 * boot id and the pid namespace), and no process of that pid with that start time any more. The start time is the
 * kernel's own, exact one ({@code /proc/<pid>/stat} field 22, clock ticks since boot), so two JVMs always agree on it;
 * names written by older versions carry epoch milliseconds instead ({@link StartUnit#EPOCH_MILLIS}), which JVMs derive
 * with up to a second of jitter, so those are compared with {@link #LEGACY_TOLERANCE_MILLIS} of slack. Where the proof
 * is impossible (no /proc, a name without an owner, another host or namespace, an unreadable process) the sandbox is
 * left alone: only its own installation adopts or removes it.
 *
 * @param host  8 hex digits identifying the boot and pid namespace the owner ran in
 * @param pid   the owner's process id
 * @param start the owner's start time, in {@code unit}, telling a reused pid from the owner
 * @param unit  what {@code start} counts
 */
record PoolOwner(String host, long pid, long start, StartUnit unit) {

    /** What a start time counts. */
    enum StartUnit {
        /** Clock ticks since boot, as the kernel reports them: exact. */
        BOOT_TICKS,
        /** Epoch milliseconds derived by a JVM (names of older versions): jitters by about a second. */
        EPOCH_MILLIS
    }

    static final long LEGACY_TOLERANCE_MILLIS = 5_000;
    private static final Pattern HOST = Pattern.compile("[0-9a-f]{8}");
    /** {@code <host>.<pid>_<start ticks>} followed by {@code -<random>}. */
    private static final Pattern IN_NAME = Pattern.compile("([0-9a-f]{8})\\.([0-9]{1,10})_([0-9]{1,19})-[0-9a-f]+");
    /** Older versions: {@code <host>.<pid>.<start epoch millis in base 36>} followed by {@code -<random>}. */
    private static final Pattern LEGACY_IN_NAME =
            Pattern.compile("([0-9a-f]{8})\\.([0-9]{1,10})\\.([0-9a-z]{1,12})-[0-9a-f]+");

    PoolOwner {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host must be 8 hex digits: " + host);
        }
        if (pid <= 0 || start < 0 || unit == null) {
            throw new IllegalArgumentException("invalid owner pid/start: " + pid + "/" + start + " " + unit);
        }
    }

    /** What the process table says about a pid (the real one reads /proc; tests pass their own). */
    interface ProcessTable {
        /** The process's start in clock ticks since boot; empty if no such process; throws when it cannot tell. */
        OptionalLong startTicks(long pid) throws IOException;

        /** The process's start instant as a JVM derives it; empty if no such process or unknown. */
        Optional<Instant> startInstant(long pid);

        /** Whether a process of that pid exists. */
        boolean exists(long pid);
    }

    static final ProcessTable PROC = new ProcessTable() {
        @Override
        public OptionalLong startTicks(long pid) throws IOException {
            try {
                return OptionalLong.of(startTicksOfStat(Files.readString(Path.of("/proc/" + pid + "/stat"))));
            } catch (NoSuchFileException gone) {
                return OptionalLong.empty();
            }
        }

        @Override
        public Optional<Instant> startInstant(long pid) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant());
        }

        @Override
        public boolean exists(long pid) {
            return ProcessHandle.of(pid).isPresent();
        }
    };

    private static final Optional<PoolOwner> CURRENT = detect();

    /** This process, where it can be identified (Linux with /proc); empty elsewhere. */
    static Optional<PoolOwner> current() {
        return CURRENT;
    }

    /** The name part that identifies the owner: {@code <host>.<pid>_<start ticks>} (legacy: {@code .<base 36>}). */
    String token() {
        return unit == StartUnit.BOOT_TICKS
                ? host + "." + pid + "_" + start
                : host + "." + pid + "." + Long.toString(start, 36);
    }

    /** The owner written in a pool sandbox's name ({@link Names#poolSandbox}), if it has one. */
    static Optional<PoolOwner> ofPoolName(String installationId, String name) {
        String n = Names.strip(name);
        String prefix = Names.poolSandbox(installationId, "");
        if (!n.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = n.substring(prefix.length());
        try {
            Matcher m = IN_NAME.matcher(rest);
            if (m.matches()) {
                return Optional.of(new PoolOwner(
                        m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), StartUnit.BOOT_TICKS));
            }
            Matcher legacy = LEGACY_IN_NAME.matcher(rest);
            if (legacy.matches()) {
                return Optional.of(new PoolOwner(
                        legacy.group(1),
                        Long.parseLong(legacy.group(2)),
                        Long.parseLong(legacy.group(3), 36),
                        StartUnit.EPOCH_MILLIS));
            }
        } catch (IllegalArgumentException e) {
            // out of range: no owner
        }
        return Optional.empty();
    }

    /** {@link #provablyGoneFrom(PoolOwner, ProcessTable)} against this machine's /proc. */
    boolean provablyGoneFrom(PoolOwner observer) {
        return provablyGoneFrom(observer, PROC);
    }

    /**
     * Whether this owner is provably gone, as seen from {@code observer}: it ran in the observer's boot and pid
     * namespace, and no process with its pid and start time exists. False whenever in doubt.
     */
    boolean provablyGoneFrom(PoolOwner observer, ProcessTable processes) {
        if (!host.equals(observer.host)) {
            return false;
        }
        if (unit == StartUnit.BOOT_TICKS) {
            try {
                OptionalLong ticks = processes.startTicks(pid);
                return ticks.isEmpty() || ticks.getAsLong() != start; // gone, or the pid was reused
            } catch (IOException | RuntimeException cannotTell) {
                return false;
            }
        }
        if (!processes.exists(pid)) {
            return true;
        }
        Optional<Instant> started = processes.startInstant(pid);
        return started.isPresent() && Math.abs(started.get().toEpochMilli() - start) > LEGACY_TOLERANCE_MILLIS;
    }

    /**
     * Field 22 (starttime, clock ticks since boot) of a {@code /proc/<pid>/stat} line. The command (field 2) is in
     * parentheses and may itself hold spaces and parentheses, so fields are counted from the last ')'.
     */
    static long startTicksOfStat(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(close + 1).strip().split(" +");
        if (fields.length < 20) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        return Long.parseLong(fields[19]); // fields[0] is field 3 (state)
    }

    private static Optional<PoolOwner> detect() {
        try {
            String bootId =
                    Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
            String pidNamespace =
                    Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            long pid = ProcessHandle.current().pid();
            OptionalLong ticks = PROC.startTicks(pid);
            if (bootId.isEmpty() || ticks.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(
                    new PoolOwner(hostHash(bootId, pidNamespace), pid, ticks.getAsLong(), StartUnit.BOOT_TICKS));
        } catch (IOException | RuntimeException e) {
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
