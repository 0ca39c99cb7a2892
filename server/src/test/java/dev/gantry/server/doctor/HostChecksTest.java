package dev.gantry.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.docker.EngineFacts;
import dev.gantry.server.doctor.Finding.Level;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostChecksTest {
    static final long GIB = HostChecks.GIB;

    static EngineFacts engine(Set<String> runtimes, String cgroupVersion, String driver, Optional<String> network) {
        return new EngineFacts(
                URI.create("unix:///var/run/docker.sock"),
                Optional.empty(),
                "20.10.24",
                "1.41",
                runtimes,
                cgroupVersion,
                driver,
                "/var/lib/docker",
                network);
    }

    static HostFacts facts(EngineFacts engine) {
        return new HostFacts(
                engine,
                true,
                Optional.empty(),
                true,
                true,
                false,
                Optional.empty(),
                Path.of("/data"),
                OptionalLong.of(50 * GIB),
                OptionalLong.of(50 * GIB));
    }

    static Finding find(List<Finding> findings, String prefix) {
        return findings.stream()
                .filter(f -> f.check().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aGoodHostIsAllOkAndExitsZero() {
        List<Finding> findings = HostChecks.evaluate(
                facts(engine(Set.of("runc", "runsc"), "1", "cgroupfs", Optional.of("172.18.0.0/16"))));
        assertThat(findings).extracting(Finding::level).containsOnly(Level.OK);
        assertThat(find(findings, "engine").detail()).contains("Docker 20.10.24");
        assertThat(find(findings, "bridge network").detail()).contains("172.18.0.0/16");
        assertThat(DoctorCommand.exitCode(findings)).isZero();
    }

    @Test
    void anUnreachableEngineFailsAndSaysHowToStartIt() {
        EngineFacts down = new EngineFacts(
                URI.create("tcp://10.0.0.1:2375"),
                Optional.of("connection refused"),
                "",
                "",
                Set.of(),
                "",
                "",
                "",
                Optional.empty());
        List<Finding> findings = HostChecks.evaluate(facts(down));
        Finding f = find(findings, "engine");
        assertThat(f.level()).isEqualTo(Level.FAIL);
        assertThat(f.detail()).contains("tcp://10.0.0.1:2375", "connection refused");
        assertThat(f.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("DOCKER_HOST"));
        assertThat(DoctorCommand.exitCode(findings)).isEqualTo(1);
    }

    @Test
    void withoutRunscGvisorIsAWarningWithTheRecipe() {
        Finding f = find(
                HostChecks.evaluate(facts(engine(Set.of("runc"), "1", "cgroupfs", Optional.empty()))), "runtime runsc");
        assertThat(f.level()).isEqualTo(Level.WARN);
        assertThat(f.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("apt-get install runsc", "kill -HUP"));
    }

    @Test
    void aDefaultRuntimeTheEngineLacksFails() {
        HostFacts f = facts(engine(Set.of("runc"), "1", "cgroupfs", Optional.empty()));
        HostFacts withDefault = new HostFacts(
                f.engine(),
                true,
                Optional.of("runsc"),
                true,
                true,
                false,
                Optional.empty(),
                f.dataDir(),
                f.dataDirFree(),
                f.engineRootFree());
        assertThat(find(HostChecks.evaluate(withDefault), "default runtime").level())
                .isEqualTo(Level.FAIL);
    }

    @Test
    void cgroupV2OrSystemdIsAWarning() {
        assertThat(HostChecks.cgroups(engine(Set.of("runc"), "2", "systemd", Optional.empty()))
                        .level())
                .isEqualTo(Level.WARN);
        assertThat(HostChecks.cgroups(engine(Set.of("runc"), "1", "cgroupfs", Optional.empty()))
                        .level())
                .isEqualTo(Level.OK);
    }

    @Test
    void theEndpointAddress() {
        EngineFacts e = engine(Set.of("runc"), "1", "cgroupfs", Optional.empty());
        Path d = Path.of("/d");
        OptionalLong free = OptionalLong.of(50 * GIB);
        assertThat(HostChecks.endpoint(new HostFacts(
                                e, true, Optional.empty(), false, false, false, Optional.empty(), d, free, free))
                        .level())
                .isEqualTo(Level.FAIL);
        assertThat(HostChecks.endpoint(new HostFacts(
                                e, true, Optional.empty(), false, true, false, Optional.empty(), d, free, free))
                        .detail())
                .contains("CAP_NET_ADMIN");
        assertThat(HostChecks.endpoint(new HostFacts(
                                e, true, Optional.empty(), true, true, true, Optional.of("Gantry"), d, free, free))
                        .level())
                .isEqualTo(Level.OK);
        assertThat(HostChecks.endpoint(new HostFacts(
                                e, true, Optional.empty(), true, true, true, Optional.of("nginx"), d, free, free))
                        .level())
                .isEqualTo(Level.WARN);
    }

    @Test
    void diskThresholds() {
        assertThat(HostChecks.disk("d", OptionalLong.of(GIB / 2)).level()).isEqualTo(Level.FAIL);
        assertThat(HostChecks.disk("d", OptionalLong.of(3 * GIB)).level()).isEqualTo(Level.WARN);
        assertThat(HostChecks.disk("d", OptionalLong.of(5 * GIB)).level()).isEqualTo(Level.OK);
        assertThat(HostChecks.disk("d", OptionalLong.empty()).level()).isEqualTo(Level.WARN);
    }

    @Test
    void aRemoteEngineRootIsNotMeasured() {
        HostFacts f = facts(engine(Set.of("runc"), "1", "cgroupfs", Optional.empty()));
        HostFacts remote = new HostFacts(
                f.engine(),
                false,
                Optional.empty(),
                true,
                true,
                false,
                Optional.empty(),
                f.dataDir(),
                f.dataDirFree(),
                OptionalLong.empty());
        assertThat(find(HostChecks.evaluate(remote), "engine root").detail()).contains("not measured");
    }

    @Test
    void securityGroupsNeedNsenterAndIptables() {
        assertThat(HostChecks.securityGroups(Optional.empty()).level()).isEqualTo(Level.OK);
        Finding missing =
                HostChecks.securityGroups(Optional.of("security groups cannot be enforced: nsenter not found"));
        assertThat(missing.level()).isEqualTo(Level.FAIL);
        assertThat(missing.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("util-linux"));
    }

    @Test
    void dnsNeedsIptablesAndRootAndWarnsWithoutAHostResolver() {
        assertThat(HostChecks.dns(true, true, List.of("127.0.0.53")).level()).isEqualTo(Finding.Level.OK);
        assertThat(HostChecks.dns(true, false, List.of("127.0.0.53"))).satisfies(f -> {
            assertThat(f.level()).isEqualTo(Finding.Level.WARN);
            assertThat(f.detail()).contains("no iptables").contains("engine's resolver");
        });
        assertThat(HostChecks.dns(false, true, List.of("10.0.0.2")).detail()).contains("not root");
        assertThat(HostChecks.dns(true, true, List.of()).detail()).contains("SERVFAIL");
    }
}
