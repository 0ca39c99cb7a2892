package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/** Bad input gets ECS's exception type and a message that says what to change — through the real SDK. */
class ValidationIT {
    private static TestGantry g;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        g.ecs.createCluster(
                CreateClusterRequest.builder().clusterName("validation").build());
        g.ecs.registerTaskDefinition(
                TaskDefs.fargate("valid", TaskDefs.container("main", "true").build())
                        .build());
    }

    static Stream<Arguments> badTaskDefinitions() {
        return Stream.of(
                bad(
                        "unknown dependsOn condition",
                        b -> b.containerDefinitions(
                                TaskDefs.container("main", "true")
                                        .dependsOn(ContainerDependency.builder()
                                                .containerName("db")
                                                .condition("READY")
                                                .build())
                                        .build(),
                                TaskDefs.container("db", "true")
                                        .essential(false)
                                        .build()),
                        ClientException.class,
                        "Invalid setting for container 'main'. dependsOn condition 'READY' for container 'db' is not "
                                + "valid; use one of START, COMPLETE, SUCCESS, HEALTHY."),
                bad(
                        "cpu/memory combination",
                        b -> b.cpu("256").memory("4096"),
                        ClientException.class,
                        "No Fargate configuration exists"),
                bad("bridge network mode", b -> b.networkMode(NetworkMode.BRIDGE), ClientException.class, "awsvpc"),
                bad("family charset", b -> b.family("bad family!"), ClientException.class, "Family"),
                bad(
                        "no essential container",
                        b -> b.containerDefinitions(
                                TaskDefs.container("a", "true").essential(false).build()),
                        ClientException.class,
                        "essential"),
                bad(
                        "duplicate names",
                        b -> b.containerDefinitions(
                                TaskDefs.container("a").build(),
                                TaskDefs.container("a").build()),
                        ClientException.class,
                        "Duplicate container name 'a'"),
                bad(
                        "image missing",
                        b -> b.containerDefinitions(
                                TaskDefs.container("a").image(null).build()),
                        ClientException.class,
                        "image"),
                bad(
                        "container memory over task",
                        b -> b.containerDefinitions(
                                TaskDefs.container("a").memory(1024).build()),
                        ClientException.class,
                        "memory"),
                bad(
                        "hostPort != containerPort",
                        b -> b.containerDefinitions(TaskDefs.container("a")
                                .portMappings(PortMapping.builder()
                                        .containerPort(80)
                                        .hostPort(8080)
                                        .build())
                                .build()),
                        ClientException.class,
                        "host ports and container ports"),
                bad(
                        "secrets without an execution role",
                        b -> b.containerDefinitions(TaskDefs.container("a")
                                .secrets(s -> s.name("X").valueFrom("arn:aws:ssm:us-east-1:000000000000:parameter/x"))
                                .build()),
                        ClientException.class,
                        "When you are specifying container secrets, you must also specify a value for "
                                + "'executionRoleArn'."));
    }

    private static Arguments bad(
            String name,
            Consumer<RegisterTaskDefinitionRequest.Builder> change,
            Class<? extends AwsServiceException> type,
            String fragment) {
        return Arguments.of(name, change, type, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTaskDefinitions")
    void registerTaskDefinitionRejects(
            String name,
            Consumer<RegisterTaskDefinitionRequest.Builder> change,
            Class<? extends AwsServiceException> type,
            String fragment) {
        RegisterTaskDefinitionRequest.Builder b =
                TaskDefs.fargate("bad", TaskDefs.container("main", "true").build());
        change.accept(b);
        assertThatThrownBy(() -> g.ecs.registerTaskDefinition(b.build()))
                .isInstanceOf(type)
                .satisfies(
                        e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(400))
                .hasMessageContaining(fragment);
    }

    private static RunTaskRequest.Builder runValid() {
        return RunTaskRequest.builder()
                .cluster("validation")
                .taskDefinition("valid")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry")));
    }

    @Test
    void runTaskRejectsBadInput() {
        assertThatThrownBy(() -> g.ecs.runTask(runValid().count(11).build()))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> g.ecs.runTask(runValid()
                        .networkConfiguration((software.amazon.awssdk.services.ecs.model.NetworkConfiguration) null)
                        .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Network Configuration must be provided");
        assertThatThrownBy(() ->
                        g.ecs.runTask(runValid().cluster("no-such-cluster").build()))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> g.ecs.runTask(runValid()
                        .cluster("arn:aws:ecs:eu-west-1:111111111111:cluster/validation")
                        .build()))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> g.ecs.runTask(runValid()
                        .taskDefinition("arn:aws:ecs:us-east-1:111111111111:task-definition/valid:1")
                        .build()))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("another region or account");
        assertThatThrownBy(() -> g.ecs.runTask(
                        runValid().taskDefinition("no-such-family").build()))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Unable to describe task definition");
        assertThatThrownBy(() -> g.ecs.runTask(runValid()
                        .overrides(o -> o.containerOverrides(c -> c.name("nope")))
                        .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() ->
                        g.ecs.runTask(runValid().enableExecuteCommand(true).build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("enableExecuteCommand");
        assertThatThrownBy(() -> g.ecs.runTask(runValid()
                        .placementConstraints(p -> p.type("memberOf").expression("attribute:x == y"))
                        .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("placementConstraints");
    }

    @Test
    void runTaskPropagatesDefinitionTagsAndAddsManagedTags() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "tagged",
                        TaskDefs.container("main", "sleep", "30").stopTimeout(2).build())
                .tags(t -> t.key("team").value("core"))
                .build());
        var task = g.ecs.runTask(RunTaskRequest.builder()
                        .cluster("validation")
                        .taskDefinition("tagged")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry")))
                        .propagateTags("TASK_DEFINITION")
                        .enableECSManagedTags(true)
                        .tags(t -> t.key("env").value("it"))
                        .build())
                .tasks()
                .get(0);
        var tags = g.ecs.listTagsForResource(b -> b.resourceArn(task.taskArn())).tags();
        assertThat(tags)
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactlyInAnyOrder("team=core", "env=it", "aws:ecs:clusterName=validation");
        g.ecs.stopTask(b -> b.cluster("validation").task(task.taskArn()));
    }

    @Test
    void describeReportsUnknownTasksAsFailures() {
        var out = g.ecs.describeTasks(DescribeTasksRequest.builder()
                .cluster("validation")
                .tasks("0123456789abcdef0123456789abcdef")
                .build());
        assertThat(out.tasks()).isEmpty();
        assertThat(out.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }

    @Test
    void wrongSecretIsRefusedWithInvalidSignature() {
        try (EcsClient wrong = EcsClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestGantry.ACCESS_KEY, "not-the-secret")))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            assertThatThrownBy(wrong::listClusters)
                    .isInstanceOf(AwsServiceException.class)
                    .satisfies(e -> {
                        AwsServiceException a = (AwsServiceException) e;
                        assertThat(a.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(a.statusCode()).isEqualTo(403);
                    });
        }
    }

    @Test
    void clientTokenMakesRunTaskIdempotentAndConflictsOnOtherParameters() {
        var first = g.ecs.runTask(runValid().clientToken("token-42").build()).tasks();
        var again = g.ecs.runTask(runValid().clientToken("token-42").build()).tasks();
        assertThat(again)
                .extracting(t -> t.taskArn())
                .isEqualTo(first.stream().map(t -> t.taskArn()).toList());
        assertThatThrownBy(() -> g.ecs.runTask(
                        runValid().clientToken("token-42").count(2).build()))
                .isInstanceOf(software.amazon.awssdk.services.ecs.model.ConflictException.class)
                .hasMessageContaining(first.get(0).taskArn());
    }

    @Test
    void requestsSignedForAnotherRegionAreRefused() {
        try (EcsClient other = EcsClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .credentialsProvider(TestGantry.credentials())
                .region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            assertThatThrownBy(other::listClusters)
                    .isInstanceOf(AwsServiceException.class)
                    .satisfies(e -> assertThat(
                                    ((AwsServiceException) e).awsErrorDetails().errorCode())
                            .isEqualTo("InvalidSignatureException"))
                    .hasMessageContaining("us-east-1");
        }
    }

    @Test
    void deletedTaskDefinitionsAreGoneAndTheirRevisionIsNeverReused() {
        g.ecs.registerTaskDefinition(
                TaskDefs.fargate("doomed", TaskDefs.container("main", "true").build())
                        .build());
        assertThat(g.ecs.deleteTaskDefinitions(b -> b.taskDefinitions("doomed:1"))
                        .failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("TASK_DEFINITION_ACTIVE"));
        g.ecs.deregisterTaskDefinition(b -> b.taskDefinition("doomed:1"));
        String foreign = "arn:aws:ecs:us-east-1:111122223333:task-definition/doomed:1"; // another account's
        assertThat(g.ecs.deleteTaskDefinitions(b -> b.taskDefinitions(foreign)).failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("TASK_DEFINITION_NOT_FOUND"));
        var deleted = g.ecs.deleteTaskDefinitions(b -> b.taskDefinitions("doomed:1"));
        assertThat(deleted.taskDefinitions())
                .singleElement()
                .satisfies(td -> assertThat(td.statusAsString()).isEqualTo("DELETE_IN_PROGRESS"));
        assertThatThrownBy(() -> g.ecs.describeTaskDefinition(b -> b.taskDefinition("doomed:1")))
                .isInstanceOf(ClientException.class);
        assertThat(g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                        "doomed",
                                        TaskDefs.container("main", "true").build())
                                .build())
                        .taskDefinition()
                        .revision())
                .isEqualTo(2);
    }

    @Test
    void clusterLifecycle() {
        g.ecs.createCluster(
                CreateClusterRequest.builder().clusterName("short-lived").build());
        assertThat(g.ecs.listClusters().clusterArns()).anyMatch(a -> a.endsWith(":cluster/short-lived"));
        var deleted = g.ecs.deleteCluster(b -> b.cluster("short-lived")).cluster();
        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(g.ecs.listClusters().clusterArns()).noneMatch(a -> a.endsWith(":cluster/short-lived"));
        assertThat(g.ecs.describeClusters(b -> b.clusters("short-lived"))
                        .clusters()
                        .get(0)
                        .status())
                .isEqualTo("INACTIVE");
        assertThatThrownBy(() -> g.ecs.runTask(runValid().cluster("short-lived").build()))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThat(List.of(g.ecs.describeClusters(b -> b.clusters("default"))
                        .clusters()
                        .get(0)
                        .status()))
                .containsExactly("ACTIVE");
    }
}
