package dev.gantry.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    /**
     * A write of a task's observed state: a store method named {@code report*}, or one that writes something
     * "Observed" ({@code writeObserved}, {@code updateObservedBatch}, ...), whether called on a class of
     * {@code dev.gantry.store..} or on an interface one implements (so a lean or batching variant is covered too).
     */
    private static final DescribedPredicate<JavaAccess<?>> OBSERVED_STATE_WRITE = DescribedPredicate.describe(
            "a store's observed-state write (report*, write/update/...Observed*)", access -> {
                AccessTarget target = access.getTarget();
                String name = target.getName();
                boolean write = name.startsWith("report")
                        || name.matches("(write|update|save|put|set|store|apply|flush|batch).*Observed.*");
                return write && isStore(target.getOwner());
            });

    private static boolean isStore(JavaClass owner) {
        return inStore(owner) || owner.getAllSubclasses().stream().anyMatch(ArchitectureTest::inStore);
    }

    private static boolean inStore(JavaClass c) {
        return c.getPackageName().startsWith("dev.gantry.store");
    }

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gantry");
    }

    @Test
    void coreDependsOnNothingInternal() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.gantry.store..",
                        "dev.gantry.runtime..",
                        "dev.gantry.control..",
                        "dev.gantry.api..",
                        "dev.gantry.cli..",
                        "dev.gantry.server..")
                .check(classes);
    }

    @Test
    void driversNeverSeeAwsWireTypesOrTheStore() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.runtime..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.gantry.core..",
                        "dev.gantry.store..",
                        "dev.gantry.control..",
                        "dev.gantry.api..",
                        "software.amazon..")
                .check(classes);
    }

    @Test
    void theDriverSpiDependsOnNothingButTheJdk() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.runtime.spi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.runtime.docker..", "com.github.dockerjava..")
                .check(classes);
    }

    /** The SPI is what a new driver implements: JDK types only, so a driver needs nothing else of Gantry. */
    @Test
    void theDriverSpiSeesOnlyTheJdkAndItself() {
        classes()
                .that()
                .resideInAPackage("dev.gantry.runtime.spi..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.gantry.runtime.spi..")
                .check(classes);
    }

    /**
     * One writer per field: a task's observed state (phase, containers, health, timestamps) is written only by the
     * task's runner, in control/task. Anything else that learns about a task reports to the runner.
     */
    @Test
    void onlyTheTaskRunnerReportsObservedTaskState() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.gantry.control.task..", "dev.gantry.store..")
                .should()
                .accessTargetWhere(OBSERVED_STATE_WRITE)
                .because("the task's runner is the only writer of its observed state (ARCHITECTURE.md)")
                .check(classes);
    }

    /** The data plane must keep answering when the store is slow or locked: it works from route-table snapshots. */
    @Test
    void theRouterNeverSeesTheStore() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.router..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.store..", "java.sql..", "org.sqlite..")
                .check(classes);
    }

    /** The router is a data plane behind an immutable-table API: the control plane adapts to it, never the reverse. */
    @Test
    void theRouterDependsOnNothingInternal() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.router..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.gantry.core..",
                        "dev.gantry.store..",
                        "dev.gantry.runtime..",
                        "dev.gantry.control..",
                        "dev.gantry.api..",
                        "dev.gantry.cli..",
                        "dev.gantry.server..")
                .check(classes);
    }

    /**
     * One bridge between the control plane and the router: control/lb/dataplane translates snapshots and health and
     * owns the router; nothing else of Gantry (the server wiring included) sees the router's types.
     */
    @Test
    void onlyTheBridgeSeesTheRouter() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.gantry.router..",
                        "dev.gantry.control.lb.dataplane..",
                        "dev.gantry.control.serviceconnect..",
                        "dev.gantry.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.gantry.router..")
                .because("the router is reached only through control/lb/dataplane (ARCHITECTURE.md)")
                .check(classes);
    }

    /** The DNS server is a data plane like the router: an immutable table in, no store, nothing internal. */
    @Test
    void theDnsServerDependsOnNothingInternal() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.dns..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.gantry.core..",
                        "dev.gantry.store..",
                        "dev.gantry.runtime..",
                        "dev.gantry.control..",
                        "dev.gantry.api..",
                        "dev.gantry.cli..",
                        "dev.gantry.server..",
                        "java.sql..",
                        "org.sqlite..")
                .check(classes);
    }

    /** One bridge between the control plane and the DNS server: control/dns (docs/adr/0018). */
    @Test
    void onlyTheBridgeSeesTheDnsServer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.gantry.dns..", "dev.gantry.control.dns..", "dev.gantry.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.gantry.dns..")
                .because("the DNS server is reached only through control/dns (ARCHITECTURE.md)")
                .check(classes);
    }

    /** docs/adr/0006: wire-shaped records (Jackson-bound) live in core/taskdef and core/run only. */
    @Test
    void onlyWireShapedCorePackagesKnowJson() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.core..")
                .and()
                .resideOutsideOfPackages(
                        "dev.gantry.core.taskdef..", "dev.gantry.core.run..", "dev.gantry.core.iam.policy..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.fasterxml.jackson..")
                .because("internal records are typed and never bound from client input (docs/adr/0006)")
                .check(classes);
    }

    /**
     * The one exception to the rule above: core/iam/policy reads IAM policy documents with databind's tree model
     * (JsonNode) and builds its typed records by hand; it binds nothing and carries no Jackson annotations.
     */
    @Test
    void thePolicyLanguageReadsJsonTreesOnly() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.core.iam.policy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.annotation..", "com.fasterxml.jackson.databind.annotation..")
                .because("policy documents are parsed from a JSON tree into typed records (docs/adr/0006)")
                .check(classes);
    }

    @Test
    void theCliSpeaksOnlyThePublicApi() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.gantry.core..",
                        "dev.gantry.store..",
                        "dev.gantry.runtime..",
                        "dev.gantry.control..",
                        "dev.gantry.api..",
                        "dev.gantry.server..")
                .check(classes);
    }

    @Test
    void theApiNeverTalksToTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.runtime..", "com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void controlDoesNotKnowTheWireProtocols() {
        noClasses()
                .that()
                .resideInAPackage("dev.gantry.control..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.api..", "io.netty..", "dev.gantry.runtime.docker..")
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.gantry.(*)..").should().beFreeOfCycles().check(classes);
    }
}
