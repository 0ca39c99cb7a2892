package dev.gantry.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR 0005's seams: services are protocol-free (they see {@code api.protocol}, never the HTTP edge, a codec or
 * signatures), codecs see no service, and core knows no wire.
 */
class ProtocolLayerTest {
    private static final String[] SERVICES = {
        "dev.gantry.api.ecs..",
        "dev.gantry.api.logs..",
        "dev.gantry.api.sts..",
        "dev.gantry.api.elbv2..",
        "dev.gantry.api.ssm..",
        "dev.gantry.api.iam..",
        "dev.gantry.api.secretsmanager..",
        "dev.gantry.api.servicediscovery.."
    };
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gantry");
    }

    @Test
    void servicesAreProtocolFree() {
        noClasses()
                .that()
                .resideInAnyPackage(SERVICES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.gantry.api.http..",
                        "dev.gantry.api.query..",
                        "dev.gantry.api.auth..",
                        "io.netty..",
                        "javax.xml..")
                .check(classes);
    }

    @Test
    void codecsAndTheServiceContractSeeNoService() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.gantry.api.query..",
                        "dev.gantry.api.protocol..",
                        "dev.gantry.api.http..",
                        "dev.gantry.api.auth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES)
                .check(classes);
    }
}
