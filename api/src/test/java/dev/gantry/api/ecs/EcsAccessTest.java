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
}
