package dev.gantry.server.doctor;

import dev.gantry.server.GantryConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gantry doctor}: checks the host and prints OK / WARN / FAIL with what to do; exit code 1 on any FAIL. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Check this host for Gantry: engine, runtimes (gVisor), bridge network, the 169.254.170.2 "
                + "endpoint, cgroups and free disk. Exit code 1 when a check fails.")
public final class DoctorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", description = "Where state lives (default ~/.gantry or GANTRY_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() {
        GantryConfig config = GantryConfig.resolve(Optional.empty(), Optional.ofNullable(dataDir), System.getenv());
        HostFacts facts = FactGatherer.gather(config.networkName(), config.dataDir(), config.defaultRuntime());
        List<Finding> findings = new ArrayList<>(HostChecks.evaluate(facts));
        findings.add(HostChecks.securityGroups(new dev.gantry.control.firewall.NsenterIptables().unavailable()));
        findings.add(
                HostChecks.dns(facts.canAddAddress(), FactGatherer.onPath("iptables"), FactGatherer.nameservers()));
        print(findings, spec.commandLine().getOut());
        return exitCode(findings);
    }

    static int exitCode(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.level() == Finding.Level.FAIL) ? 1 : 0;
    }

    static void print(List<Finding> findings, PrintWriter out) {
        for (Finding f : findings) {
            out.printf("%-5s %s: %s%n", f.level(), f.check(), f.detail());
            f.fix().ifPresent(fix -> out.println("      -> " + fix));
        }
        long fails =
                findings.stream().filter(f -> f.level() == Finding.Level.FAIL).count();
        long warns =
                findings.stream().filter(f -> f.level() == Finding.Level.WARN).count();
        out.println(
                fails > 0
                        ? fails + " check(s) failed: Gantry cannot run tasks here until they are fixed."
                        : "Gantry can run here" + (warns > 0 ? " (" + warns + " warning(s) above)." : "."));
        out.flush();
    }
}
