package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

class TaskDefinitionFileTest {

    private static final String WEB = """
            {
              "family": "web",
              "networkMode": "awsvpc",
              "requiresCompatibilities": ["FARGATE"],
              "cpu": 256,
              "memory": "512",
              "containerDefinitions": [{
                "name": "web",
                "image": "busybox:latest",
                "essential": true,
                "command": ["httpd", "-f", "-p", "8080"],
                "environment": [{"name": "GREETING", "value": "hi"}],
                "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
                "healthCheck": {"command": ["CMD-SHELL", "wget -q -O- localhost:8080"], "interval": "10"},
                "dependsOn": [{"containerName": "init", "condition": "SUCCESS"}],
                "logConfiguration": {"logDriver": "awslogs",
                   "options": {"awslogs-group": "/ecs/web", "awslogs-stream-prefix": "ecs"}},
                "dockerLabels": {"team": "a"},
                "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 4096}]
              }, {"name": "init", "image": "busybox", "essential": false}],
              "volumes": [{"name": "data"}]
            }
            """;

    @Test
    void readsTheRegisterTaskDefinitionShapeIncludingNestedFields() {
        TaskDefinitionFile.Parsed p = TaskDefinitionFile.parse(WEB);
        RegisterTaskDefinitionRequest r = p.request();
        assertThat(p.ignored()).isEmpty();
        assertThat(r.family()).isEqualTo("web");
        assertThat(r.networkMode()).isEqualTo(NetworkMode.AWSVPC);
        assertThat(r.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
        assertThat(r.cpu()).isEqualTo("256");
        assertThat(r.memory()).isEqualTo("512");
        assertThat(r.volumes())
                .singleElement()
                .satisfies(v -> assertThat(v.name()).isEqualTo("data"));
        ContainerDefinition web = r.containerDefinitions().get(0);
        assertThat(web.command()).containsExactly("httpd", "-f", "-p", "8080");
        assertThat(web.environment().get(0).value()).isEqualTo("hi");
        assertThat(web.portMappings().get(0).containerPort()).isEqualTo(8080);
        assertThat(web.portMappings().get(0).protocol()).isEqualTo(TransportProtocol.TCP);
        assertThat(web.healthCheck().interval()).isEqualTo(10);
        assertThat(web.dependsOn().get(0).condition()).isEqualTo(ContainerCondition.SUCCESS);
        assertThat(web.logConfiguration().options()).containsEntry("awslogs-stream-prefix", "ecs");
        assertThat(web.dockerLabels()).containsEntry("team", "a");
        assertThat(web.ulimits().get(0).hardLimit()).isEqualTo(4096);
        assertThat(r.containerDefinitions().get(1).essential()).isFalse();
    }

    @Test
    void acceptsDescribeTaskDefinitionOutputAndReportsReadOnlyFields() {
        TaskDefinitionFile.Parsed p = TaskDefinitionFile.parse("""
                {"taskDefinition": {"family": "x", "revision": 3, "status": "ACTIVE",
                  "containerDefinitions": [{"name": "a", "image": "busybox", "bogus": 1}]}}
                """);
        assertThat(p.request().family()).isEqualTo("x");
        assertThat(p.ignored()).containsExactly("revision", "status", "containerDefinitions[0].bogus");
    }

    @Test
    void wrongTypesNameTheirPath() {
        assertThatThrownBy(() -> TaskDefinitionFile.parse("""
                {"family": "x", "containerDefinitions": [{"name": "a", "memory": "lots"}]}
                """))
                .isInstanceOf(CliException.class)
                .hasMessage("containerDefinitions[0].memory: expected a number, got \"lots\"");
        assertThatThrownBy(() -> TaskDefinitionFile.parse("{\"family\": \"x\", \"containerDefinitions\": {}}"))
                .hasMessageContaining("containerDefinitions: expected a list");
        assertThatThrownBy(() -> TaskDefinitionFile.parse("""
                {"family": "x", "containerDefinitions": [{"name": "a", "memory": 80.5}]}
                """))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("containerDefinitions[0].memory: expected a whole number");
        assertThatThrownBy(() -> TaskDefinitionFile.parse("""
                {"family": "x", "containerDefinitions": [{"name": "a", "memory": 1e20}]}
                """))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("containerDefinitions[0].memory: expected a whole number");
    }

    @Test
    void invalidJsonSaysWhere() {
        assertThatThrownBy(() -> TaskDefinitionFile.parse("{\"family\": }"))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("not valid JSON")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> TaskDefinitionFile.parse("[]")).hasMessageContaining("expected a JSON object");
    }
}
