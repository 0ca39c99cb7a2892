package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gantry} launcher starts dockerd with its {@code start_detached} function; Ctrl-C in the terminal
 * (SIGINT to the terminal's process group) must not reach it. A stand-in daemon handles SIGINT the way dockerd
 * does (Go's signal.Notify re-enables a signal the shell started it with ignored) and records it if it comes. The
 * old {@code nohup dockerd &} line let it through: the daemon shut down, and with it every task container.
 */
class LauncherDetachTest {
    private static final Path LAUNCHER =
            Path.of("..", "gantry").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void ctrlCOnTheLauncherDoesNotReachTheDaemonItStarted() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "setsid (util-linux) not installed");
        Optional<Path> python = Optional.of(Path.of("/usr/bin/python3")).filter(Files::isExecutable);
        assumeTrue(python.isPresent(), "python3 not installed");
        assumeTrue(
                !sigintIgnored(),
                "SIGINT is ignored by this test's process (it was started in the background by a shell without job"
                        + " control), and every child inherits that, so a Ctrl-C cannot be simulated here");
        Path marker = dir.resolve("daemon.log");
        Files.writeString(dir.resolve("daemon.py"), """
                import os, signal, sys, time
                def bye(sig, frame):
                    open(sys.argv[1], "a").write("signal %d\\n" % sig); sys.exit(0)
                signal.signal(signal.SIGINT, bye)
                open(sys.argv[1], "a").write("pid %d\\n" % os.getpid())
                while True: time.sleep(0.2)
                """);
        Files.writeString(dir.resolve("launch.sh"), """
                set -euo pipefail
                eval "$(sed -n '/^start_detached() {/,/^}/p' '%s')"
                start_detached '%s' '%s' '%s' '%s'
                exec sleep 600
                """.formatted(
                        LAUNCHER, dir.resolve("daemon.out"), python.get(), dir.resolve("daemon.py"), marker));
        // its own process group, as a terminal gives the command it runs
        Process launcher =
                new ProcessBuilder("setsid", "bash", dir.resolve("launch.sh").toString()).start();
        long daemon = awaitDaemonPid(marker);
        try {
            new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid())
                    .start()
                    .waitFor(); // Ctrl-C
            assertThat(launcher.waitFor(30, TimeUnit.SECONDS))
                    .as("the launcher's foreground process ended")
                    .isTrue();
            Thread.sleep(500); // the daemon, had the signal reached it, writes and exits at once
            assertThat(Files.readString(marker)).doesNotContain("signal");
            assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            launcher.destroyForcibly();
            ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Whether this process ignores SIGINT (signal 2: bit 1 of /proc/self/status's SigIgn mask). */
    private static boolean sigintIgnored() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> (mask & 0b10) != 0);
    }

    private static long awaitDaemonPid(Path marker) throws Exception {
        for (int i = 0; i < 600; i++) { // a hang guard of 60 s
            if (Files.exists(marker)) {
                String s = Files.readString(marker);
                if (s.startsWith("pid ") && s.endsWith("\n")) {
                    return Long.parseLong(s.substring(4).trim());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the stand-in daemon never started");
    }
}
