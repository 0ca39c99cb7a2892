package dev.gantry.control.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.IamTag;
import dev.gantry.store.iam.SessionStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authorization and role sessions with core's real evaluator and real documents. */
class CorePolicyEngineTest {
    static final String ACCOUNT = "123456789012";
    static final String TRUST_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TempDir
    Path dir;

    Database db;
    IamPlane iam;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        Envelope envelope = new Envelope(MasterKey.random());
        iam = IamPlane.create(
                new IamStore(db, envelope),
                new SessionStore(db, envelope),
                new CorePolicyEngine(),
                new IamIds(new Random(1)),
                InstantSource.system(),
                ACCOUNT,
                "us-east-1");
    }

    @AfterEach
    void close() {
        db.close();
    }

    static String policy(String effect, String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"" + (condition.isEmpty() ? "" : ",\"Condition\":" + condition)
                + "}]}";
    }

    boolean allowed(String who, String action, String resource, Map<String, List<String>> keys) {
        return iam.authorization().decide(who, action, resource, keys).allowed();
    }

    @Test
    void describeWildcardAllowsDescribeOnlyAndAdministratorAccessAllowsAll() {
        String alice = iam.operations().createUser("alice", "/", List.of()).arn();
        iam.operations().putUserPolicy("alice", "d", policy("Allow", "ecs:Describe*", "*", ""));
        assertThat(allowed(alice, "ecs:DescribeClusters", "arn:aws:ecs:us-east-1:1:cluster/default", Map.of()))
                .isTrue();
        assertThat(allowed(alice, "ecs:RunTask", "*", Map.of())).isFalse();
        iam.operations().attachUserPolicy("alice", "arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(allowed(alice, "ecs:RunTask", "*", Map.of())).isTrue();
    }

    @Test
    void conditionKeysFromTheCallerAndThePrincipalAreEvaluated() {
        String bob = iam.operations()
                .createUser("bob", "/", List.of(new IamTag("team", "blue")))
                .arn();
        iam.operations()
                .putUserPolicy(
                        "bob",
                        "net",
                        policy(
                                "Allow",
                                "ecs:*",
                                "*",
                                "{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"},"
                                        + "\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}"));
        assertThat(allowed(bob, "ecs:ListTasks", "*", Map.of("aws:SourceIp", List.of("127.0.0.1"))))
                .isTrue();
        assertThat(allowed(bob, "ecs:ListTasks", "*", Map.of("aws:SourceIp", List.of("10.1.2.3"))))
                .isFalse();
    }

    @Test
    void aTrustPolicyNamingTheAccountLetsItsUsersAssume_aMalformedOneIsRefusedWithIamsMessage() {
        String carol = iam.operations().createUser("carol", "/", List.of()).arn();
        String role = iam.operations()
                .createRole("r", "/", TRUST_ACCOUNT, Optional.empty(), "", List.of())
                .arn();
        RoleSession s = iam.sessions().assume(carol, role, "s1", Optional.empty(), Optional.empty(), Map.of());
        assertThat(s.assumedRoleArn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/r/s1");
        assertThatThrownBy(() -> iam.operations()
                        .createRole("bad", "/", policy("Allow", "ecs:*", "*", ""), Optional.empty(), "", List.of()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(IamError.MALFORMED_POLICY_DOCUMENT));
        assertThatThrownBy(() -> iam.operations().putUserPolicy("carol", "x", "{not json"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(IamError.MALFORMED_POLICY_DOCUMENT));
    }

    @Test
    void aTaskRoleTrustingEcsTasksIsTrustedByThatServiceOnly() {
        String tasks = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String role = iam.operations()
                .createRole("task", "/", tasks, Optional.empty(), "", List.of())
                .arn();
        String other = iam.operations()
                .createRole("other", "/", TRUST_ACCOUNT, Optional.empty(), "", List.of())
                .arn();
        assertThat(iam.sessions().trustsService(role, "ecs-tasks.amazonaws.com"))
                .isTrue();
        assertThat(iam.sessions().trustsService(role, "lambda.amazonaws.com")).isFalse();
        assertThat(iam.sessions().trustsService(other, "ecs-tasks.amazonaws.com"))
                .isFalse();
        assertThat(iam.sessions().trustsService("arn:aws:iam::" + ACCOUNT + ":role/none", "ecs-tasks.amazonaws.com"))
                .isFalse();
    }
}
