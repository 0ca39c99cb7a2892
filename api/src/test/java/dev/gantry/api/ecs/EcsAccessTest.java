package dev.gantry.api.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.arn.Arns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ECS calls act on, for authorization: resources and the ecs:cluster key. */
class EcsAccessTest {
    static final String P = "arn:aws:ecs:us-east-1:123456789012:";
    final EcsAccess access = new EcsAccess(new EcsContext(
            new Arns("us-east-1", "123456789012"), null, null, null, null, null, null, null, null, null, null, null));

    static JsonNode json(String s) throws Exception {
        return Json.mapper().readTree(s);
    }

    @Test
    void runTaskActsOnTheTaskDefinitionInItsCluster() throws Exception {
        AccessTarget t = access.target("RunTask", json("{\"cluster\":\"prod\",\"taskDefinition\":\"web:3\"}"));
        assertThat(t.resources()).containsExactly(P + "task-definition/web:3");
        assertThat(t.conditionKeys().get("ecs:cluster")).containsExactly(P + "cluster/prod");
        AccessTarget byArn = access.target("RunTask", json("{\"taskDefinition\":\"" + P + "task-definition/x:1\"}"));
        assertThat(byArn.resources()).containsExactly(P + "task-definition/x:1");
        assertThat(byArn.conditionKeys().get("ecs:cluster")).containsExactly(P + "cluster/default");
    }

    @Test
    void stopTaskActsOnTheTaskAndDescribeClustersOnEachCluster() throws Exception {
        assertThat(access.target("StopTask", json("{\"cluster\":\"c\",\"task\":\"abc\"}"))
                        .resources())
                .containsExactly(P + "task/c/abc");
        assertThat(access.target("DescribeClusters", json("{\"clusters\":[\"a\",\"" + P + "cluster/b\"]}"))
                        .resources())
                .isEqualTo(List.of(P + "cluster/a", P + "cluster/b"));
    }

    @Test
    void otherCallsActOnAnyResourceAndListTasksCarriesTheCluster() throws Exception {
        assertThat(access.target("ListClusters", json("{}"))).isEqualTo(AccessTarget.ANY);
        AccessTarget list = access.target("ListTasks", json("{\"cluster\":\"" + P + "cluster/x\"}"));
        assertThat(list.resources()).containsExactly("*");
        assertThat(list.conditionKeys().get("ecs:cluster")).containsExactly(P + "cluster/x");
    }

    @Test
    void aTaskDefinitionArnIsCheckedAsTheHandlerReadsItWhateverPrecedesTheResource() throws Exception {
        AccessTarget t = access.target("RunTask", json("{\"taskDefinition\":\"" + P + "x:task-definition/prod:3\"}"));
        assertThat(t.resources()).containsExactly(P + "task-definition/prod:3");
    }

    @Test
    void rolesHandedToEcsNeedPassRole() throws Exception {
        String role = "arn:aws:iam::123456789012:role/app";
        String exec = "arn:aws:iam::123456789012:role/exec";
        AccessTarget register = access.target(
                "RegisterTaskDefinition",
                json("{\"family\":\"f\",\"taskRoleArn\":\"" + role + "\",\"executionRoleArn\":\"" + exec + "\"}"));
        assertThat(register.implied())
                .extracting(AccessTarget.Implied::action, AccessTarget.Implied::resource)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("iam:PassRole", role),
                        org.assertj.core.groups.Tuple.tuple("iam:PassRole", exec));
        assertThat(register.implied().get(0).conditionKeys().get("iam:PassedToService"))
                .containsExactly("ecs-tasks.amazonaws.com");
        AccessTarget run = access.target(
                "RunTask", json("{\"taskDefinition\":\"f:1\",\"overrides\":{\"taskRoleArn\":\"" + role + "\"}}"));
        assertThat(run.implied()).extracting(AccessTarget.Implied::resource).containsExactly(role);
        assertThat(access.target("RunTask", json("{\"taskDefinition\":\"f:1\"}"))
                        .implied())
                .isEmpty();
    }
}
