package dev.gantry.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.api.auth.AccessCheck;
import dev.gantry.api.auth.Authorizer;
import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.sts.StsService;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The one authorization seam: both codecs ask the {@link Authorizer} before any handler runs, with the IAM action
 * {@code <prefix>:<Operation>}, the resource and the request's keys; a refusal is AccessDeniedException (JSON, 400)
 * or AccessDenied (Query, 403) as the SDKs read them, and the handler never runs. GetCallerIdentity is never asked.
 */
class AuthorizationSeamTest {

    static final Principal ALICE = new Principal("AKIDALICE", "alice-secret", "arn:aws:iam::123456789012:user/alice");
    static final String DENIED = "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: %s on"
            + " resource: %s because no identity-based policy allows the %s action";

    final List<AccessCheck> checks = new CopyOnWriteArrayList<>();
    final FakeService ecs = FakeService.ecs().onJson("ListClusters", "{\"clusterArns\":[]}");
    ApiServer server;

    @BeforeEach
    void start() {
        Authorizer denyAll = check -> {
            checks.add(check);
            String resource = check.resources().getFirst();
            throw new ApiException(
                    ErrorCode.ACCESS_DENIED, String.format(DENIED, check.action(), resource, check.action()));
        };
        server = ApiServer.builder()
                .port(0)
                .service(ecs)
                .service(new StsService(new Arns("us-east-1", "123456789012")))
                .credentials(Credentials.of(ALICE))
                .authorizer(denyAll)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ALICE.accessKeyId(), ALICE.secretAccessKey())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Test
    void aJsonCallIsAuthorizedBeforeItsHandlerAndRefusedAsAccessDeniedException() {
        try (EcsClient client = client(EcsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
            assertThatThrownBy(client::listClusters).isInstanceOfSatisfying(EcsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo(String.format(DENIED, "ecs:ListClusters", "*", "ecs:ListClusters"));
            });
        }
        assertThat(ecs.calls).isEmpty();
        AccessCheck check = checks.getFirst();
        assertThat(check.principalArn()).isEqualTo(ALICE.principalArn());
        assertThat(check.accessKeyId()).isEqualTo(ALICE.accessKeyId());
        assertThat(check.resources()).containsExactly("*");
        assertThat(check.conditionKeys().get("aws:SourceIp")).containsExactly("127.0.0.1");
        assertThat(check.conditionKeys().get("aws:SecureTransport")).containsExactly("false");
        assertThat(check.conditionKeys()).containsKeys("aws:CurrentTime", "aws:EpochTime");
    }

    @Test
    void aQueryCallIsAuthorizedToo_AssumeRoleOnTheRoleItNames() {
        String role = "arn:aws:iam::123456789012:role/app";
        try (StsClient client = client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
            assertThatThrownBy(() -> client.assumeRole(r -> r.roleArn(role).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(String.format(DENIED, "sts:AssumeRole", role, "sts:AssumeRole"));
                    });
        }
        assertThat(checks.getFirst().action()).isEqualTo("sts:AssumeRole");
        assertThat(checks.getFirst().resources()).containsExactly(role);
    }

    @Test
    void getCallerIdentityIsNeverDenied() {
        try (StsClient client = client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
            assertThat(client.getCallerIdentity().arn()).isEqualTo(ALICE.principalArn());
        }
        assertThat(checks).isEmpty();
    }
}
