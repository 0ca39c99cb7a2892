package dev.gantry.control.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.store.iam.IamTag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationTest {
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
    }

    @AfterEach
    void close() {
        f.close();
    }

    Authorization.Verdict decide(String principal, String action) {
        return auth.decide(principal, action, "*", Map.of());
    }

    @Test
    void theAccountRootMayDoEverythingWithoutAnyPolicy() {
        assertThat(decide(IamFixture.ROOT, "ecs:RunTask").allowed()).isTrue();
        assertThat(f.engine.asked).isEmpty();
    }

    @Test
    void aUserGetsItsInlineAndAttachedPoliciesAndNothingElse() {
        String arn = ops.createUser("alice", "/", List.of()).arn();
        ops.putUserPolicy("alice", "describe", "allow:ecs:DescribeClusters");
        var policy = ops.createPolicy("run", "/", "allow:ecs:RunTask", "");
        assertThat(decide(arn, "ecs:RunTask").allowed()).isFalse();
        ops.attachUserPolicy("alice", policy.arn());

        assertThat(decide(arn, "ecs:DescribeClusters").allowed()).isTrue();
        assertThat(decide(arn, "ecs:RunTask").allowed()).isTrue();
        Authorization.Verdict stop =
                auth.decide(arn, "ecs:StopTask", "arn:aws:ecs:us-east-1:123456789012:task/x", Map.of());
        assertThat(stop.allowed()).isFalse();
        assertThat(stop.message().orElseThrow())
                .contains("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ecs:StopTask on"
                        + " resource: arn:aws:ecs:us-east-1:123456789012:task/x because no identity-based policy"
                        + " allows the ecs:StopTask action");
    }

    @Test
    void anExplicitDenyWinsAndSaysSo() {
        String arn = ops.createUser("bob", "/", List.of()).arn();
        ops.putUserPolicy("bob", "all", "allow:*");
        ops.putUserPolicy("bob", "no-run", "deny:ecs:RunTask");
        assertThat(decide(arn, "ecs:ListTasks").allowed()).isTrue();
        assertThat(decide(arn, "ecs:RunTask").message().orElseThrow())
                .contains("User: " + arn + " is not authorized to perform: ecs:RunTask on resource: * with an explicit"
                        + " deny in an identity-based policy");
    }

    @Test
    void everyResourceOfACallMustBeAllowed_andTheFirstRefusedIsNamed() {
        String arn = ops.createUser("carol", "/", List.of()).arn();
        Authorization.Verdict v =
                auth.decide(arn, Optional.empty(), "ecs:DescribeClusters", List.of("a", "b"), Map.of());
        assertThat(v.message().orElseThrow()).contains("on resource: a ");
    }

    @Test
    void principalConditionKeysAreAddedToTheCallersKeys() {
        String arn =
                ops.createUser("dave", "/", List.of(new IamTag("team", "blue"))).arn();
        auth.decide(arn, "ecs:ListTasks", "*", Map.of("aws:SourceIp", List.of("127.0.0.1")));
        var keys = f.engine.asked.getLast().context();
        assertThat(keys.get("aws:SourceIp")).containsExactly("127.0.0.1");
        assertThat(keys.get("aws:PrincipalArn")).containsExactly(arn);
        assertThat(keys.get("aws:username")).containsExactly("dave");
        assertThat(keys.get("aws:userid").getFirst()).startsWith("AIDA");
        assertThat(keys.get("aws:PrincipalTag/team")).containsExactly("blue");
        assertThat(keys.get("aws:RequestedRegion")).containsExactly("us-east-1");
    }

    @Test
    void aRoleIsAPrincipalToo_forTheControlPlanesQuestions() {
        String role = ops.createRole("exec", "/", "trust:x", Optional.empty(), "", List.of())
                .arn();
        ops.putRolePolicy("exec", "read", "allow:secretsmanager:GetSecretValue");
        assertThat(decide(role, "secretsmanager:GetSecretValue").allowed()).isTrue();
        assertThat(decide(role, "ssm:GetParameters").allowed()).isFalse();
    }

    @Test
    void aSessionGetsItsRolesPoliciesNarrowedByItsSessionPolicy() {
        ops.createRole("app", "/", "trust:" + IamFixture.ROOT, Optional.empty(), "", List.of());
        ops.putRolePolicy("app", "ecs", "allow:*");
        RoleSession narrow = f.iam.sessions()
                .assume(
                        IamFixture.ROOT,
                        "arn:aws:iam::123456789012:role/app",
                        "s1",
                        Optional.empty(),
                        Optional.of("allow:ecs:DescribeClusters"),
                        Map.of());
        RoleSession wide = f.iam.sessions().issue("arn:aws:iam::123456789012:role/app", "task", Duration.ofHours(1));
        String who = narrow.assumedRoleArn();
        assertThat(auth.decide(who, Optional.of(narrow.accessKeyId()), "ecs:DescribeClusters", List.of("*"), Map.of())
                        .allowed())
                .isTrue();
        Authorization.Verdict run =
                auth.decide(who, Optional.of(narrow.accessKeyId()), "ecs:RunTask", List.of("*"), Map.of());
        assertThat(run.message().orElseThrow()).contains("because no session policy allows the ecs:RunTask action");
        assertThat(auth.decide(
                                wide.assumedRoleArn(),
                                Optional.of(wide.accessKeyId()),
                                "ecs:RunTask",
                                List.of("*"),
                                Map.of())
                        .allowed())
                .isTrue();
        assertThat(f.engine.asked.getLast().context().get("aws:userid").getFirst())
                .endsWith(":task");
    }

    @Test
    void anUnknownPrincipalMayDoNothing() {
        assertThat(decide("arn:aws:iam::123456789012:user/ghost", "ecs:ListTasks")
                        .allowed())
                .isFalse();
        assertThat(decide("arn:aws:iam::999999999999:root", "ecs:ListTasks").allowed())
                .isFalse();
    }
}
