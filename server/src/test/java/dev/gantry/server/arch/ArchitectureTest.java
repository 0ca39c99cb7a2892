package dev.gantry.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gantry");
    }

    @Test
    void coreDependsOnNothingInternal() {
        noClasses().that().resideInAPackage("dev.gantry.core..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.store..", "dev.gantry.runtime..", "dev.gantry.control..",
                        "dev.gantry.api..", "dev.gantry.cli..", "dev.gantry.server..")
                .check(classes);
    }

    @Test
    void driversNeverSeeAwsWireTypesOrTheStore() {
        noClasses().that().resideInAPackage("dev.gantry.runtime..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.core..", "dev.gantry.store..", "dev.gantry.control..",
                        "dev.gantry.api..", "software.amazon..")
                .check(classes);
    }

    @Test
    void theDriverSpiDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("dev.gantry.runtime.spi..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.runtime.docker..", "com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void theCliSpeaksOnlyThePublicApi() {
        noClasses().that().resideInAPackage("dev.gantry.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.core..", "dev.gantry.store..", "dev.gantry.runtime..",
                        "dev.gantry.control..", "dev.gantry.api..", "dev.gantry.server..")
                .check(classes);
    }

    @Test
    void theApiNeverTalksToTheEngine() {
        noClasses().that().resideInAPackage("dev.gantry.api..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.runtime..", "com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void controlDoesNotKnowTheWireProtocols() {
        noClasses().that().resideInAPackage("dev.gantry.control..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.gantry.api..", "io.netty..", "dev.gantry.runtime.docker..")
                .check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.gantry.(*)..").should().beFreeOfCycles().check(classes);
    }
}
