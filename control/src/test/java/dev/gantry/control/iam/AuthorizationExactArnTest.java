package dev.gantry.control.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A role is found by its exact ARN (path and account included); the control plane's question is for roles only. */
class AuthorizationExactArnTest {
    static final String IAM = "arn:aws:iam::" + IamFixture.ACCOUNT + ":";
    static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";

    @TempDir
    Path dir;

    IamFixture f;
    Authorization auth;
    IamOperations ops;

    @BeforeEach
    void open() {
        f = new IamFixture(dir);
        auth = f.iam.authorization();
        ops = f.iam.operations();
        ops.createRole("exec", "/", "trust:ecs-tasks.amazonaws.com", Optional.empty(), "", List.of());
        ops.putRolePolicy("exec", "read", "allow:secretsmanager:GetSecretValue");
        ops.createRole("boss", "/admins/", "trust:ecs-tasks.amazonaws.com", Optional.empty(), "", List.of());
        ops.putRolePolicy("boss", "read", "allow:secretsmanager:GetSecretValue");
    }

    @AfterEach
    void close() {
        f.close();
    }

    boolean api(String principal) {
        return auth.decide(principal, "secretsmanager:GetSecretValue", SECRET, Map.of())
                .allowed();
    }

    boolean forRole(String principal) {
        return auth.decideForRole(principal, "secretsmanager:GetSecretValue", SECRET, Map.of())
                .allowed();
    }

    @Test
    void aRoleArnWithAnotherPathOrAccountGetsNoLocalRolesPolicies() {
        assertThat(api(IAM + "role/exec")).isTrue();
        assertThat(api(IAM + "role/admins/boss")).isTrue();
        assertThat(api(IAM + "role/other/exec")).as("another path").isFalse();
        assertThat(api(IAM + "role/boss")).as("the path left out").isFalse();
        assertThat(api("arn:aws:iam::999999999999:role/exec"))
                .as("another account")
                .isFalse();
        assertThat(api("arn:aws:sts::999999999999:assumed-role/exec/s1"))
                .as("another account's session")
                .isFalse();
    }

    @Test
    void theControlPlaneAnswersOnlyForAnExistingRoleByItsExactArn() {
        assertThat(forRole(IAM + "role/exec")).isTrue();
        assertThat(forRole(IAM + "role/admins/boss")).isTrue();
        assertThat(forRole(IamFixture.ROOT)).as("the account root").isFalse();
        String user = ops.createUser("alice", "/", List.of()).arn();
        ops.putUserPolicy("alice", "read", "allow:*");
        assertThat(api(user)).isTrue();
        assertThat(forRole(user)).as("a user, even one allowed").isFalse();
        assertThat(forRole(IAM + "role/boss")).as("the path left out").isFalse();
        assertThat(forRole("arn:aws:iam::999999999999:role/exec"))
                .as("another account")
                .isFalse();
        assertThat(forRole("arn:aws:sts::123456789012:assumed-role/exec/s1"))
                .as("a session")
                .isFalse();
        ops.deleteRolePolicy("exec", "read");
        ops.deleteRole("exec");
        assertThat(forRole(IAM + "role/exec")).as("a deleted role").isFalse();
    }

    @Test
    void aServiceRoleIsNamedExactly() {
        RoleSessions sessions = f.iam.sessions();
        assertThat(sessions.isServiceRole(IAM + "role/admins/boss", "ecs-tasks.amazonaws.com"))
                .isTrue();
        assertThat(sessions.isServiceRole(IAM + "role/boss", "ecs-tasks.amazonaws.com"))
                .isFalse();
        assertThat(sessions.isServiceRole("arn:aws:iam::999999999999:role/exec", "ecs-tasks.amazonaws.com"))
                .isFalse();
        assertThat(sessions.isServiceRole(IAM + "role/exec", "ec2.amazonaws.com"))
                .isFalse();
        assertThat(sessions.trustsService(IAM + "role/exec", "ecs-tasks.amazonaws.com"))
                .isTrue();
    }

    @Test
    void aSessionOfADeletedRoleStaysDeadWhenARoleOfTheSameNameIsCreated() {
        RoleSession old = f.iam.sessions().issue(IAM + "role/exec", "task", java.time.Duration.ofHours(1));
        String key = old.accessKeyId();
        assertThat(f.iam.keys().find(key)).isPresent();
        assertThat(auth.decide(
                                old.assumedRoleArn(),
                                Optional.of(key),
                                "secretsmanager:GetSecretValue",
                                List.of(SECRET),
                                Map.of())
                        .allowed())
                .isTrue();

        ops.deleteRolePolicy("exec", "read");
        ops.deleteRole("exec");
        ops.createRole("exec", "/", "trust:ecs-tasks.amazonaws.com", Optional.empty(), "", List.of());
        ops.putRolePolicy("exec", "read", "allow:secretsmanager:GetSecretValue");

        assertThat(f.iam.keys().find(key)).as("the old session's key").isEmpty();
        assertThat(auth.decide(
                                old.assumedRoleArn(),
                                Optional.of(key),
                                "secretsmanager:GetSecretValue",
                                List.of(SECRET),
                                Map.of())
                        .allowed())
                .as("the old session's policies")
                .isFalse();
        RoleSession fresh = f.iam.sessions().issue(IAM + "role/exec", "task", java.time.Duration.ofHours(1));
        assertThat(f.iam.keys().find(fresh.accessKeyId()))
                .as("a session of the new role")
                .isPresent();
        assertThat(auth.decide(
                                fresh.assumedRoleArn(),
                                Optional.of(fresh.accessKeyId()),
                                "secretsmanager:GetSecretValue",
                                List.of(SECRET),
                                Map.of())
                        .allowed())
                .isTrue();
    }
}
