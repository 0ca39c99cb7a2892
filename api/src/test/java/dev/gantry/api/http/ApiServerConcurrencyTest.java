package dev.gantry.api.http;

import static dev.gantry.api.http.ApiServerHttpTest.ALICE;
import static dev.gantry.api.http.ApiServerHttpTest.ECS;
import static dev.gantry.api.http.ApiServerHttpTest.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.sts.StsService;
import dev.gantry.core.arn.Arns;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A handler that burns CPU without blocking (as a backtracking regex did) must not stop other requests: handlers
 * run on preemptible platform threads, at most a bounded number at once, and a request beyond the bound and its
 * queue is answered with ThrottlingException instead of waiting.
 */
class ApiServerConcurrencyTest {

    /** How long a liveness probe may take before the server counts as starved: generous, not a latency bound. */
    static final long PROBE_TIMEOUT_SECONDS = 5;

    final FakeService ecs = FakeService.ecs();
    CountDownLatch spinning;
    volatile boolean release;
    final ExecutorService clients = Executors.newCachedThreadPool();
    ApiServer server;

    /** Enough CPU-bound handlers to occupy every carrier thread of the virtual-thread scheduler. */
    static int spinners() {
        return Integer.getInteger(
                "jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
    }

    void start(ApiServerBuilder builder, int spins) {
        spinning = new CountDownLatch(spins);
        ecs.onJson("ListClusters", "{\"clusterArns\":[]}");
        ecs.on("Spin", input -> {
            spinning.countDown();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long sum = 0;
            while (!release && System.nanoTime() < giveUp) {
                sum += System.identityHashCode(input) ^ sum; // pure CPU: never blocks, never yields
            }
            return ((com.fasterxml.jackson.databind.node.ObjectNode) input.deepCopy()).put("sum", sum);
        });
        server = builder.service(ecs).credentials(Credentials.of(ALICE)).build().start();
    }

    @AfterEach
    void stop() {
        release = true;
        clients.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    CompletableFuture<HttpResponse<String>> post(String operation) {
        RawClient client = new RawClient(server.port());
        return CompletableFuture.supplyAsync(
                () -> client.signedPost(ALICE, "ecs", ECS + operation, "{}".getBytes()), clients);
    }

    @Test
    void requestsStillAnswerWhileCpuBoundHandlersOccupyEveryCore() throws Exception {
        start(ApiServer.builder(), spinners());
        List<CompletableFuture<HttpResponse<String>>> spins = new ArrayList<>();
        for (int i = 0; i < spinners(); i++) {
            spins.add(post("Spin"));
        }
        assertThat(spinning.await(30, TimeUnit.SECONDS))
                .as("all spinners started")
                .isTrue();

        HttpResponse<String> probe = post("ListClusters").get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.body()).contains("clusterArns");
        release = true;
        for (var spin : spins) {
            assertThat(spin.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestBeyondTheHandlersAndTheQueueIsThrottled() throws Exception {
        start(ApiServer.builder().maxConcurrentRequests(1).maxQueuedRequests(0), 1);
        CompletableFuture<HttpResponse<String>> busy = post("Spin");
        assertThat(spinning.await(30, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> refused = post("ListClusters").get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertAwsError(refused, 400, "ThrottlingException");
        assertThat(ApiServerHttpTest.json(refused).get("message").asText()).isEqualTo("Rate exceeded");
        release = true;
        assertThat(busy.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(post("ListClusters")
                        .get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aThrottledQueryRequestGetsTheQueryProtocolsThrottlingError() throws Exception {
        start(
                ApiServer.builder()
                        .maxConcurrentRequests(1)
                        .maxQueuedRequests(0)
                        .service(new StsService(new Arns("us-east-1", "000000000000"))),
                1);
        CompletableFuture<HttpResponse<String>> busy = post("Spin");
        assertThat(spinning.await(30, TimeUnit.SECONDS)).isTrue();

        try (StsClient sts = StsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ALICE.accessKeyId(), ALICE.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                assertThat(e.isThrottlingException()).isTrue(); // so the SDK's standard retry backs off and retries
            });
        }
        release = true;
        assertThat(busy.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
}
