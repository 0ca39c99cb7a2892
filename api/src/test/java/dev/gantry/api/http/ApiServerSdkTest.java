package dev.gantry.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.Principal;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

/** Drives ApiServer with the real AWS SDK v2 clients: signing, routing, response and error parsing end to end. */
class ApiServerSdkTest {

    static final Principal ALICE = new Principal("AKIDALICE", "alice-secret", "arn:aws:iam::000000000000:user/alice");
    static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:000000000000:cluster/default";

    final FakeService ecs = FakeService.ecs();
    final FakeService logs = FakeService.logs();
    ApiServer server;

    @BeforeEach
    void start() {
        server = ApiServer.builder()
                .port(0)
                .service(ecs)
                .service(logs)
                .credentials(Credentials.of(ALICE))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    EcsClient ecsClient(String secret) {
        return EcsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ALICE.accessKeyId(), secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Test
    void listClustersReachesTheServiceAndTheSdkParsesTheResponse() {
        ecs.onJson("ListClusters", "{\"clusterArns\":[\"" + CLUSTER_ARN + "\"]}");
        Instant before = Instant.now();

        ListClustersResponse response;
        try (EcsClient client = ecsClient(ALICE.secretAccessKey())) {
            response = client.listClusters(r -> r.maxResults(5));
        }

        assertThat(response.clusterArns()).containsExactly(CLUSTER_ARN);
        assertThat(response.responseMetadata().requestId()).isNotBlank();
        assertThat(ecs.calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("ListClusters");
            assertThat(call.input().get("maxResults").asInt()).isEqualTo(5);
            assertThat(call.context().accessKeyId()).isEqualTo(ALICE.accessKeyId());
            assertThat(call.context().principalArn()).isEqualTo(ALICE.principalArn());
            assertThat(call.context().requestId())
                    .isEqualTo(response.responseMetadata().requestId());
            assertThat(call.context().receivedAt()).isAfterOrEqualTo(before.minusSeconds(1));
        });
    }

    @Test
    void routesEachServiceByTargetPrefixAndSigningName() {
        logs.onJson("DescribeLogGroups", "{\"logGroups\":[{\"logGroupName\":\"/ecs/web\"}]}");

        try (CloudWatchLogsClient client = CloudWatchLogsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ALICE.accessKeyId(), ALICE.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            assertThat(client.describeLogGroups(r -> {}).logGroups())
                    .singleElement()
                    .satisfies(g -> assertThat(g.logGroupName()).isEqualTo("/ecs/web"));
        }
        assertThat(logs.calls).extracting(FakeService.Call::operation).containsExactly("DescribeLogGroups");
        assertThat(ecs.calls).isEmpty();
    }

    @Test
    void wrongSecretIsInvalidSignature403() {
        ecs.onJson("ListClusters", "{}");

        try (EcsClient client = ecsClient("not-alices-secret")) {
            assertThatThrownBy(client::listClusters).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).contains("signature we calculated does not match");
            });
        }
        assertThat(ecs.calls).isEmpty();
    }

    @Test
    void namedApiExceptionBecomesTheSdksModeledException() {
        ecs.on("DescribeClusters", input -> {
            throw ApiException.clusterNotFound();
        });

        try (EcsClient client = ecsClient(ALICE.secretAccessKey())) {
            assertThatThrownBy(() -> client.describeClusters(r -> r.clusters("nope")))
                    .isInstanceOfSatisfying(ClusterNotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
                        assertThat(e.requestId()).isNotBlank();
                    });
        }
    }

    @Test
    void unexpectedFailureIsInternalFailure500ForTheSdk() {
        ecs.on("ListClusters", input -> {
            throw new IllegalStateException("database on fire");
        });

        try (EcsClient client = ecsClient(ALICE.secretAccessKey())) {
            assertThatThrownBy(client::listClusters).isInstanceOfSatisfying(EcsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo(ErrorCode.INTERNAL_FAILURE.wireName());
                assertThat(e.awsErrorDetails().errorMessage()).doesNotContain("database on fire");
            });
        }
    }
}
