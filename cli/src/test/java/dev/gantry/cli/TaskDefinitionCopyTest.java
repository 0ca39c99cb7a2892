package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.InferenceAccelerator;
import software.amazon.awssdk.services.ecs.model.IpcMode;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.PidMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.ProxyConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.Volume;

class TaskDefinitionCopyTest {
    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3";
    private static final List<Tag> TAGS =
            List.of(Tag.builder().key("team").value("payments").build());

    private static final ContainerDefinition APP = ContainerDefinition.builder()
            .name("app")
            .image("web:1")
            .essential(true)
            .cpu(256)
            .memory(512)
            .command("httpd", "-f")
            .environment(KeyValuePair.builder().name("MODE").value("prod").build())
            .portMappings(PortMapping.builder().containerPort(8080).build())
            .healthCheck(HealthCheck.builder().command("CMD", "true").build())
            .build();
    private static final ContainerDefinition SIDECAR = ContainerDefinition.builder()
            .name("sidecar")
            .image("envoy:1")
            .essential(false)
            .build();

    /** A task definition with every member set, the read-only ones included. */
    private static TaskDefinition everything(List<ContainerDefinition> containers) {
        return TaskDefinition.builder()
                .taskDefinitionArn(ARN)
                .family("web")
                .revision(3)
                .status(TaskDefinitionStatus.ACTIVE)
                .taskRoleArn("arn:aws:iam::000000000000:role/task")
                .executionRoleArn("arn:aws:iam::000000000000:role/exec")
                .networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(containers)
                .volumes(Volume.builder().name("data").build())
                .requiresAttributes(Attribute.builder().name("ecs.capability.x").build())
                .placementConstraints(TaskDefinitionPlacementConstraint.builder()
                        .type("memberOf")
                        .expression("attribute:x == y")
                        .build())
                .compatibilities(Compatibility.EC2, Compatibility.FARGATE)
                .runtimePlatform(r -> r.cpuArchitecture(CPUArchitecture.ARM64).operatingSystemFamily(OSFamily.LINUX))
                .requiresCompatibilities(Compatibility.FARGATE)
                .cpu("512")
                .memory("1024")
                .inferenceAccelerators(InferenceAccelerator.builder()
                        .deviceName("d")
                        .deviceType("t")
                        .build())
                .pidMode(PidMode.TASK)
                .ipcMode(IpcMode.NONE)
                .proxyConfiguration(
                        ProxyConfiguration.builder().containerName("sidecar").build())
                .registeredAt(Instant.parse("2025-01-01T00:00:00Z"))
                .deregisteredAt(Instant.parse("2025-01-02T00:00:00Z"))
                .deleteRequestedAt(Instant.parse("2025-01-03T00:00:00Z"))
                .registeredBy("arn:aws:iam::000000000000:root")
                .ephemeralStorage(EphemeralStorage.builder().sizeInGiB(30).build())
                .enableFaultInjection(true)
                .build();
    }

    private static Map<String, SdkField<?>> fields(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> byName = new HashMap<>();
        fields.forEach(f -> byName.put(f.locationName(), f));
        return byName;
    }

    @Test
    void copiesEveryMemberBothShapesHave() {
        Map<String, SdkField<?>> described = fields(TaskDefinition.builder().sdkFields());
        Map<String, SdkField<?>> register =
                fields(RegisterTaskDefinitionRequest.builder().sdkFields());
        Set<String> shared = new TreeSet<>(described.keySet());
        shared.retainAll(register.keySet());
        // an SDK upgrade that adds a member to both shapes fails here until TaskDefinitionCopy copies it
        assertThat(shared).containsExactlyInAnyOrderElementsOf(TaskDefinitionCopy.COPIED);

        TaskDefinition def = everything(List.of(APP));
        RegisterTaskDefinitionRequest r = TaskDefinitionCopy.withImage(def, TAGS, Optional.empty(), "web:2")
                .request();
        for (String name : shared) {
            Object before = described.get(name).getValueOrDefault(def);
            assertThat(before).as("the fixture sets %s", name).isNotNull();
            if (!name.equals("containerDefinitions")) {
                assertThat(register.get(name).getValueOrDefault(r)).as(name).isEqualTo(before);
            }
        }
        assertThat(r.tags()).isEqualTo(TAGS);
        assertThat(r.containerDefinitions())
                .containsExactly(APP.toBuilder().image("web:2").build());
    }

    @Test
    void replacesOnlyTheChosenContainersImage() {
        TaskDefinitionCopy.Plan plan = TaskDefinitionCopy.withImage(
                everything(List.of(APP, SIDECAR)), List.of(), Optional.of("sidecar"), "envoy:2");
        assertThat(plan.container()).isEqualTo("sidecar");
        assertThat(plan.oldImage()).isEqualTo("envoy:1");
        assertThat(plan.newImage()).isEqualTo("envoy:2");
        assertThat(plan.request().containerDefinitions())
                .containsExactly(APP, SIDECAR.toBuilder().image("envoy:2").build());
        assertThat(plan.request().hasTags()).as("no tags: none sent").isFalse();
    }

    @Test
    void absentMembersStayAbsent() {
        TaskDefinition bare = TaskDefinition.builder()
                .taskDefinitionArn(ARN)
                .family("web")
                .containerDefinitions(APP)
                .build();
        RegisterTaskDefinitionRequest r = TaskDefinitionCopy.withImage(bare, List.of(), Optional.empty(), "web:2")
                .request();
        assertThat(r.hasVolumes()).isFalse();
        assertThat(r.hasPlacementConstraints()).isFalse();
        assertThat(r.hasRequiresCompatibilities()).isFalse();
        assertThat(r.networkModeAsString()).isNull();
        assertThat(r.cpu()).isNull();
        assertThat(r.enableFaultInjection()).isNull();
    }

    @Test
    void unknownEnumValuesSurvive() {
        TaskDefinition def = everything(List.of(APP)).toBuilder()
                .networkMode("future-mode")
                .requiresCompatibilitiesWithStrings("FARGATE", "SOMETHING_NEW")
                .build();
        RegisterTaskDefinitionRequest r = TaskDefinitionCopy.withImage(def, List.of(), Optional.empty(), "web:2")
                .request();
        assertThat(r.networkModeAsString()).isEqualTo("future-mode");
        assertThat(r.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE", "SOMETHING_NEW");
    }

    @Test
    void severalContainersNeedContainer() {
        assertThatThrownBy(() -> TaskDefinitionCopy.withImage(
                        everything(List.of(APP, SIDECAR)), List.of(), Optional.empty(), "web:2"))
                .isInstanceOf(CliException.class)
                .hasMessage("task definition web:3 has 2 containers (app, sidecar): say which one gets the new image"
                        + " with --container NAME");
    }

    @Test
    void anUnknownContainerNamesTheOnesThereAre() {
        assertThatThrownBy(() -> TaskDefinitionCopy.withImage(
                        everything(List.of(APP, SIDECAR)), List.of(), Optional.of("ap"), "web:2"))
                .isInstanceOf(CliException.class)
                .hasMessage("task definition web:3 has no container named 'ap' (it has: app, sidecar)");
        assertThatThrownBy(() ->
                        TaskDefinitionCopy.withImage(everything(List.of(APP)), List.of(), Optional.of("ap"), "web:2"))
                .hasMessage("task definition web:3 has no container named 'ap' (it has: app)");
    }
}
