package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform's AWS provider (aws_vpc, aws_subnet realised as an engine network, aws_security_group,
 * aws_vpc_security_group_ingress_rule and _egress_rule: a VPC,
 * two groups, a rule naming one group as the other's source) against a real Gantry: apply, then a plan that finds nothing to change (what Gantry shows back matches what was asked),
 * then destroy. Needs terraform on the PATH and the provider in a local mirror (offline); skipped otherwise.
 */
class Ec2TerraformIT {
    private static final Path MIRROR = Path.of(System.getenv().getOrDefault("GANTRY_TF_MIRROR", "/opt/tf-plugins"));

    @TempDir
    Path work;

    private int terraform(List<String> args, StringBuilder output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("TF_CLI_CONFIG_FILE", work.resolve("tfrc").toString());
        pb.environment().put("TF_IN_AUTOMATION", "1");
        pb.environment().put("TF_VAR_endpoint", TestGantry.shared().server.endpoint());
        pb.environment().put("TF_VAR_access_key", TestGantry.ACCESS_KEY);
        pb.environment().put("TF_VAR_secret_key", TestGantry.SECRET_KEY);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES))
                .as("terraform %s finished", args)
                .isTrue();
        output.setLength(0);
        output.append(out);
        return p.exitValue();
    }

    @Test
    void applyPlanWithNoChangesAndDestroy() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(MIRROR.resolve("registry.terraform.io/hashicorp/aws/5.100.0")),
                "the AWS provider 5.100.0 is not in " + MIRROR);
        Assumptions.assumeTrue(
                new ProcessBuilder("terraform", "version").start().waitFor() == 0, "terraform not on the PATH");
        Files.writeString(work.resolve("tfrc"), """
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["registry.terraform.io/hashicorp/aws"]
                  }
                  direct { exclude = ["registry.terraform.io/hashicorp/aws"] }
                }
                """.formatted(MIRROR));
        Files.copy(Path.of("src", "test", "resources", "ec2", "terraform", "main.tf"), work.resolve("main.tf"));
        StringBuilder out = new StringBuilder();
        assertThat(terraform(List.of("init", "-input=false", "-no-color"), out))
                .as("init: %s", out)
                .isZero();
        assertThat(terraform(List.of("apply", "-auto-approve", "-input=false", "-no-color"), out))
                .as("apply: %s", out)
                .isZero();
        assertThat(out).contains("Apply complete! Resources: 6 added");
        // 0: no changes (2 would be a drift between what was asked and what Gantry shows back)
        assertThat(terraform(List.of("plan", "-detailed-exitcode", "-input=false", "-no-color"), out))
                .as("plan after apply: %s", out)
                .isZero();
        assertThat(terraform(List.of("destroy", "-auto-approve", "-input=false", "-no-color"), out))
                .as("destroy: %s", out)
                .isZero();
        assertThat(out).contains("Destroy complete! Resources: 6 destroyed");
    }
}
