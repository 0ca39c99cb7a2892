package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.EnvironmentFile;
import dev.gantry.core.taskdef.RepositoryCredentials;
import dev.gantry.core.taskdef.Secret;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** secrets, environmentFiles and repositoryCredentials, and the execution role they need. */
class InjectionRulesTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/exec";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf";

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("secrets of every form, with an execution role", t -> {
                    t.executionRoleArn = ROLE;
                    t.container(0).secrets = List.of(
                            new Secret("A", SECRET),
                            new Secret("B", SECRET + ":password::"),
                            new Secret("C", "/app/flag"),
                            new Secret("D", "arn:aws:ssm:us-east-1:000000000000:parameter/app/flag"));
                }),
                ok(
                        "environment files need no execution role in Gantry",
                        t -> t.container(0).environmentFiles =
                                List.of(new EnvironmentFile("arn:aws:s3:::bucket/app.env", "s3"))),
                ok(
                        "ten environment files",
                        t -> t.container(0).environmentFiles =
                                Collections.nCopies(10, new EnvironmentFile("arn:aws:s3:::bucket/app.env", "s3"))),
                ok("registry credentials by name, with an execution role", t -> {
                    t.executionRoleArn = ROLE;
                    t.container(0).repositoryCredentials = new RepositoryCredentials("registry/creds");
                }),
                ok("empty secrets need no role", t -> t.container(0).secrets = List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(
                        "secrets without an execution role",
                        t -> t.container(0).secrets = List.of(new Secret("A", SECRET)),
                        CLIENT,
                        InjectionRules.SECRETS_NEED_EXECUTION_ROLE),
                bad(
                        "registry credentials without an execution role",
                        t -> t.container(0).repositoryCredentials = new RepositoryCredentials(SECRET),
                        CLIENT,
                        InjectionRules.REGISTRY_AUTH_NEEDS_EXECUTION_ROLE),
                bad(
                        "secret without a name",
                        t -> {
                            t.executionRoleArn = ROLE;
                            t.container(0).secrets = List.of(new Secret("", SECRET));
                        },
                        CLIENT,
                        "Every 'secrets' entry needs a non-empty 'name'"),
                bad(
                        "secret named twice",
                        t -> {
                            t.executionRoleArn = ROLE;
                            t.container(0).secrets = List.of(new Secret("A", SECRET), new Secret("A", "/x"));
                        },
                        CLIENT,
                        "Secret 'A' is given more than once"),
                bad(
                        "secret from an S3 ARN",
                        t -> {
                            t.executionRoleArn = ROLE;
                            t.container(0).secrets = List.of(new Secret("A", "arn:aws:s3:::b/k"));
                        },
                        CLIENT,
                        "Invalid setting for container 'web'. Secret 'A': 'arn:aws:s3:::b/k' is not a Secrets"),
                bad(
                        "environment file of another type",
                        t -> t.container(0).environmentFiles =
                                List.of(new EnvironmentFile("arn:aws:s3:::bucket/app.env", "http")),
                        CLIENT,
                        "The only supported type is 's3'"),
                bad(
                        "environment file that is not an S3 ARN",
                        t -> t.container(0).environmentFiles = List.of(new EnvironmentFile("bucket/app.env", "s3")),
                        CLIENT,
                        "is not an S3 object ARN"),
                bad(
                        "eleven environment files",
                        t -> t.container(0).environmentFiles =
                                Collections.nCopies(11, new EnvironmentFile("arn:aws:s3:::bucket/app.env", "s3")),
                        CLIENT,
                        "Too many environment files"),
                bad(
                        "registry credentials from an SSM parameter",
                        t -> {
                            t.executionRoleArn = ROLE;
                            t.container(0).repositoryCredentials =
                                    new RepositoryCredentials("arn:aws:ssm:us-east-1:000000000000:parameter/x");
                        },
                        CLIENT,
                        "repositoryCredentials: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }
}
