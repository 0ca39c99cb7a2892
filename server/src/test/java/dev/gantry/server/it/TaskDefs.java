package dev.gantry.server.it;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** Builders for the Fargate task definitions the tests register. */
final class TaskDefs {
    private TaskDefs() {}

    static RegisterTaskDefinitionRequest.Builder fargate(String family, ContainerDefinition... containers) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .cpu("256")
                .memory("512")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE)
                .containerDefinitions(List.of(containers));
    }

    static ContainerDefinition.Builder container(String name, String... command) {
        return ContainerDefinition.builder()
                .name(name)
                .image(TestGantry.IMAGE)
                .essential(true)
                .command(command.length == 0 ? null : List.of(command));
    }

    static LogConfiguration awslogs(String group, String prefix) {
        return LogConfiguration.builder()
                .logDriver(LogDriver.AWSLOGS)
                .options(java.util.Map.of(
                        "awslogs-group",
                        group,
                        "awslogs-region",
                        "us-east-1",
                        "awslogs-stream-prefix",
                        prefix,
                        "awslogs-create-group",
                        "true"))
                .build();
    }
}
