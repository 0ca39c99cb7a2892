package dev.gantry.control.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.EnvironmentFile;
import dev.gantry.core.taskdef.RepositoryCredentials;
import dev.gantry.core.taskdef.Secret;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.runtime.spi.RegistryAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InjectorTest {
    static final String ROLE = "arn:aws:iam::000000000000:role/exec";
    static final String DB = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf";
    static final String REG = "arn:aws:secretsmanager:us-east-1:000000000000:secret:reg-AbCdEf";

    @TempDir
    Path dir;

    private final MapSecretSource secrets = new MapSecretSource()
            .put(DB, "{\"username\":\"app\",\"password\":\"pw-current\",\"port\":5432}")
            .put(DB + "@AWSPREVIOUS", "{\"password\":\"pw-previous\"}")
            .put("/app/flag", "on")
            .put(REG, "{\"username\":\"ci\",\"password\":\"reg-pw\"}")
            .put("plain", "not json")
            .allow(ROLE);

    private Injector injector() {
        return new Injector(secrets, new DataDirObjects(dir));
    }

    private static TaskSpec task(String role, TaskDefs.Container c) {
        TaskDefs.Task t =
                TaskDefs.task().registered("arn:aws:ecs:us-east-1:000000000000:task-definition/f:1", 1, Instant.EPOCH);
        t.executionRoleArn = role;
        t.containers = new java.util.ArrayList<>(List.of(c));
        return TaskFactory.create(
                        new TaskFactory.Launch(
                                "arn:cluster",
                                "default",
                                t.build(),
                                1,
                                "family:f",
                                Optional.empty(),
                                Map.of(),
                                List.of()),
                        new Arns("us-east-1", "000000000000"),
                        IdSource.random(),
                        Instant.EPOCH)
                .get(0)
                .spec();
    }

    private static TaskDefs.Container with(Secret... s) {
        TaskDefs.Container c = TaskDefs.container("app");
        c.secrets = List.of(s);
        return c;
    }

    @Test
    void readsEveryFormAsTheExecutionRole() throws Exception {
        Files.createDirectories(dir.resolve("cfg"));
        Files.writeString(dir.resolve("cfg/a.env"), "# first\nMODE=file-a\nONLY_A=1\n");
        Files.writeString(dir.resolve("cfg/b.env"), "MODE=file-b\nONLY_B=2\n");
        TaskDefs.Container c = with(
                new Secret("WHOLE", DB),
                new Secret("PASSWORD", DB + ":password::"),
                new Secret("PORT", DB + ":port::"),
                new Secret("OLD", DB + ":password:AWSPREVIOUS:"),
                new Secret("FLAG", "/app/flag"),
                new Secret("FLAG_ARN", "arn:aws:ssm:us-east-1:000000000000:parameter/app/flag"));
        c.environmentFiles = List.of(
                new EnvironmentFile("arn:aws:s3:::cfg/a.env", "s3"),
                new EnvironmentFile("arn:aws:s3:::cfg/b.env", "s3"));
        c.repositoryCredentials = new RepositoryCredentials(REG);

        ContainerInputs in = injector().resolve(task(ROLE, c)).get("app");

        assertThat(in.secrets())
                .containsExactly(
                        Map.entry("WHOLE", "{\"username\":\"app\",\"password\":\"pw-current\",\"port\":5432}"),
                        Map.entry("PASSWORD", "pw-current"),
                        Map.entry("PORT", "5432"),
                        Map.entry("OLD", "pw-previous"),
                        Map.entry("FLAG", "on"),
                        Map.entry("FLAG_ARN", "on"));
        assertThat(in.fromFiles())
                .containsExactly(Map.entry("MODE", "file-a"), Map.entry("ONLY_A", "1"), Map.entry("ONLY_B", "2"));
        assertThat(in.registryAuth()).contains(new RegistryAuth("ci", "reg-pw"));
        assertThat(secrets.reads).allMatch(r -> r.startsWith(ROLE + " reads "));
        assertThat(secrets.reads).as("one read per reference").doesNotHaveDuplicates();
        assertThat(in.toString()).doesNotContain("pw-current", "reg-pw", "file-a");
    }

    /** secret | stoppedReason fragment. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                DB + ":nokey::   | unable to retrieve secret from asm: retrieved secret " + DB
                        + ":nokey:: from Secrets Manager did not contain json key nokey",
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:gone | unable to retrieve secret from asm: failed"
                        + " to fetch secret arn:aws:secretsmanager:us-east-1:000000000000:secret:gone from secrets"
                        + " manager: ResourceNotFoundException",
                "/app/missing    | unable to retrieve secrets from ssm: invalid parameters: /app/missing",
            })
    void aMissingValueStopsTheStartNamingTheSecret(String valueFrom, String fragment) {
        assertThatThrownBy(() -> injector().resolve(task(ROLE, with(new Secret("X", valueFrom)))))
                .isInstanceOf(InjectionFailure.class)
                .hasMessageStartingWith("ResourceInitializationError: unable to pull secrets or registry auth: "
                        + "execution resource retrieval failed: ")
                .hasMessageContaining(fragment);
    }

    @Test
    void aRoleThatMayNotReadTheSecretStopsTheStart() {
        assertThatThrownBy(() ->
                        injector().resolve(task("arn:aws:iam::000000000000:role/other", with(new Secret("X", DB)))))
                .isInstanceOf(InjectionFailure.class)
                .hasMessageContaining("failed to fetch secret " + DB)
                .hasMessageContaining(
                        "AccessDeniedException: User: arn:aws:iam::000000000000:role/other is not " + "authorized");
    }

    @Test
    void registryCredentialsMustHoldUsernameAndPassword() {
        TaskDefs.Container c = TaskDefs.container("app");
        c.repositoryCredentials = new RepositoryCredentials("plain");
        secrets.put("plain", "{\"user\":\"x\"}");
        assertThatThrownBy(() -> injector().resolve(task(ROLE, c)))
                .isInstanceOf(InjectionFailure.class)
                .hasMessageContaining("unable to get registry auth from asm: failed to fetch secret plain")
                .hasMessageContaining("\"username\" and \"password\"")
                .hasMessageNotContaining("\"x\"");
    }

    @Test
    void aMissingEnvironmentFileStopsTheStart() {
        TaskDefs.Container c = TaskDefs.container("app");
        c.environmentFiles = List.of(new EnvironmentFile("arn:aws:s3:::cfg/none.env", "s3"));
        assertThatThrownBy(() -> injector().resolve(task(null, c)))
                .isInstanceOf(InjectionFailure.class)
                .hasMessageStartingWith("ResourceInitializationError: failed to download env files: ")
                .hasMessageContaining("NoSuchKey")
                .hasMessageContaining("arn:aws:s3:::cfg/none.env");
    }

    @Test
    void theUnavailableSourceSaysWhichServiceIsMissing() {
        assertThatThrownBy(() -> Injector.unavailable().resolve(task(ROLE, with(new Secret("X", DB)))))
                .hasMessageContaining("Secrets Manager is not available yet");
        assertThatThrownBy(() -> Injector.unavailable().resolve(task(ROLE, with(new Secret("X", "/app/flag")))))
                .hasMessageContaining("SSM Parameter Store is not available yet");
    }
}
