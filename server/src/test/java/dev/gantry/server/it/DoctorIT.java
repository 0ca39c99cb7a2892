package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.server.doctor.DoctorCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gantry doctor} on this host for real: the engine answers, so nothing fails. */
class DoctorIT {

    @Test
    void checksThisHostAndPassesWhereTheTestsRun(@TempDir Path dataDir) {
        StringWriter buffer = new StringWriter();
        CommandLine cl = new CommandLine(new DoctorCommand());
        cl.setOut(new PrintWriter(buffer));
        int code = cl.execute("--data-dir", dataDir.toString());
        String out = buffer.toString();
        System.out.print(out);
        assertThat(out).containsPattern("OK +engine: Docker \\S+ \\(API");
        assertThat(out).containsPattern("(OK|WARN) +runtime runsc \\(gVisor\\)");
        assertThat(out).contains("cgroups: cgroup v", "data dir " + dataDir, "169.254.170.2:80");
        assertThat(out).doesNotContain("FAIL");
        assertThat(code).isZero();
    }
}
