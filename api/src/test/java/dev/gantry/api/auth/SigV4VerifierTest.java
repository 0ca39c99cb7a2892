package dev.gantry.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

class SigV4VerifierTest {

    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    static final Principal ALICE = new Principal("AKIDALICE", "alice-secret", "arn:aws:iam::000000000000:user/alice");
    static final URI ENDPOINT = URI.create("http://127.0.0.1:18080/");
    static final byte[] BODY = "{\"maxResults\":  10}".getBytes(StandardCharsets.UTF_8);

    final SigV4Verifier verifier = new SigV4Verifier(Credentials.of(ALICE), InstantSource.fixed(NOW));

    static SdkSigning.Spec ecsPost() {
        return SdkSigning.Spec.post(
                ENDPOINT,
                "AmazonEC2ContainerServiceV20141113.ListClusters",
                BODY,
                ALICE.accessKeyId(),
                ALICE.secretAccessKey(),
                NOW);
    }

    static SignableRequest signed(SdkSigning.Spec spec) {
        return SdkSigning.toSignable(SdkSigning.sign(spec), spec.body());
    }

    static SignableRequest withHeader(SignableRequest r, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.put(name.toLowerCase(), List.of(value));
        return new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignableRequest withoutHeader(SignableRequest r, String name) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.remove(name.toLowerCase());
        return new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    AbstractThrowableAssert<?, ?> assertRejected(SignableRequest request, ErrorCode code) {
        return assertThatThrownBy(() -> verifier.verify(request, "ecs"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void acceptsJsonPostSignedByTheSdk() {
        assertThat(verifier.verify(signed(ecsPost()), "ecs")).isEqualTo(ALICE);
    }

    @Test
    void acceptsGetWithEncodedPathUnsortedRepeatedQueryAndMessyHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Custom", List.of("  a    b\tc  ", "second"));
        URI uri =
                URI.create("http://localhost:9999/v1/a%20b/./tasks/%E2%9C%93?z=1&a=b%20c&a=a&empty=&plus=%2B&tilde=~");
        var spec = new SdkSigning.Spec(
                "GET", uri, headers, new byte[0], ALICE.accessKeyId(), ALICE.secretAccessKey(), "ecs", NOW, true);

        assertThat(verifier.verify(signed(spec), "ecs")).isEqualTo(ALICE);
    }

    @Test
    void acceptsUnsignedPayloadAndThenIgnoresTheBody() {
        var spec = new SdkSigning.Spec(
                "POST",
                URI.create("https://127.0.0.1:8443/"),
                ecsPost().headers(),
                BODY,
                ALICE.accessKeyId(),
                ALICE.secretAccessKey(),
                "ecs",
                NOW,
                false);
        SignableRequest r = signed(spec);
        assertThat(r.header("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");

        SignableRequest otherBody =
                new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), new byte[] {1});

        assertThat(verifier.verify(otherBody, "ecs")).isEqualTo(ALICE);
    }

    @Test
    @SuppressWarnings("deprecation") // the legacy signer does not send x-amz-content-sha256, so the body is hashed
    void acceptsLegacySdkSignerWhichHashesTheBodyWithoutContentShaHeader() {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(ENDPOINT)
                .putHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .contentStreamProvider(RequestBody.fromBytes(BODY).contentStreamProvider())
                .build();
        Aws4SignerParams params = Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(ALICE.accessKeyId(), ALICE.secretAccessKey()))
                .signingName("ecs")
                .signingRegion(Region.US_EAST_1)
                .signingClockOverride(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        SdkHttpRequest signed = Aws4Signer.create().sign(request, params);
        SignableRequest r = SdkSigning.toSignable(signed, BODY);
        assertThat(r.header("x-amz-content-sha256")).isEmpty();

        assertThat(verifier.verify(r, "ecs")).isEqualTo(ALICE);
        assertRejected(
                new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), "{}".getBytes()),
                ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void ignoresHeadersThatAreNotSigned() {
        SignableRequest r = withHeader(signed(ecsPost()), "User-Agent", "proxy-rewritten/1.0");

        assertThat(verifier.verify(r, "ecs")).isEqualTo(ALICE);
    }

    @Test
    void rejectsTamperedBodyUnderTheSentContentHash() {
        SignableRequest r = signed(ecsPost());
        SignableRequest tampered =
                new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), "{}".getBytes());

        assertRejected(tampered, ErrorCode.INVALID_SIGNATURE)
                .hasMessage("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    @Test
    void rejectsTamperedBodyWithRecomputedContentHash() {
        SignableRequest r = signed(ecsPost());
        SignableRequest tampered = withHeader(
                new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), new byte[0]),
                "x-amz-content-sha256",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        assertRejected(tampered, ErrorCode.INVALID_SIGNATURE)
                .hasMessage("The request signature we calculated does not match the signature you provided."
                        + " Check your AWS Secret Access Key and signing method.");
    }

    @Test
    void rejectsTamperedSignedHeader() {
        SignableRequest r =
                withHeader(signed(ecsPost()), "X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DeleteCluster");

        assertRejected(r, ErrorCode.INVALID_SIGNATURE).hasMessageContaining("does not match the signature");
    }

    @Test
    void rejectsDifferentHostOrPort() {
        assertRejected(withHeader(signed(ecsPost()), "Host", "127.0.0.1:18081"), ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void rejectsWrongSecret() {
        assertRejected(signed(ecsPost().withSecret("not-alices-secret")), ErrorCode.INVALID_SIGNATURE)
                .hasMessageContaining("Check your AWS Secret Access Key");
    }

    @Test
    void rejectsUnknownAccessKey() {
        var spec =
                new SdkSigning.Spec("POST", ENDPOINT, ecsPost().headers(), BODY, "AKIDMALLORY", "x", "ecs", NOW, true);

        assertRejected(signed(spec), ErrorCode.UNRECOGNIZED_CLIENT)
                .hasMessage("The security token included in the request is invalid.");
    }

    @Test
    void rejectsSignatureOlderThanFifteenMinutes() {
        assertRejected(signed(ecsPost().withAt(NOW.minus(Duration.ofMinutes(16)))), ErrorCode.INVALID_SIGNATURE)
                .hasMessage("Signature expired: 20240301T114400Z is now earlier than 20240301T114500Z"
                        + " (20240301T120000Z - 15 min.)");
    }

    @Test
    void rejectsSignatureFromTheFuture() {
        assertRejected(signed(ecsPost().withAt(NOW.plus(Duration.ofMinutes(20)))), ErrorCode.INVALID_SIGNATURE)
                .hasMessage("Signature not yet current: 20240301T122000Z is still later than 20240301T121500Z"
                        + " (20240301T120000Z + 15 min.)");
    }

    @Test
    void acceptsSignatureWithinTheWindow() {
        assertThat(verifier.verify(signed(ecsPost().withAt(NOW.minus(Duration.ofMinutes(14)))), "ecs"))
                .isEqualTo(ALICE);
    }

    @Test
    void rejectsTamperedDate() {
        assertRejected(withHeader(signed(ecsPost()), "X-Amz-Date", "20240301T120100Z"), ErrorCode.INVALID_SIGNATURE)
                .hasMessageContaining("does not match the signature");
    }

    @Test
    void rejectsCredentialScopedToAnotherService() {
        assertRejected(signed(ecsPost().withService("logs")), ErrorCode.INVALID_SIGNATURE)
                .hasMessage("Credential should be scoped to correct service: 'ecs'.");
    }

    @Test
    void rejectsMissingAuthorization() {
        assertRejected(withoutHeader(signed(ecsPost()), "Authorization"), ErrorCode.MISSING_AUTHENTICATION_TOKEN)
                .hasMessage("Missing Authentication Token");
    }

    @Test
    void rejectsAuthorizationWithoutSignatureOrCredential() {
        SignableRequest r =
                withHeader(signed(ecsPost()), "Authorization", "AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date");

        assertRejected(r, ErrorCode.INCOMPLETE_SIGNATURE)
                .hasMessageContaining("requires 'Credential' parameter")
                .hasMessageContaining("requires 'Signature' parameter");
    }

    @Test
    void rejectsBadCredentialScope() {
        SignableRequest r = withHeader(
                signed(ecsPost()),
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDALICE/20240301/us-east-1/ecs/aws5_request, SignedHeaders=host, Signature=00");

        assertRejected(r, ErrorCode.INCOMPLETE_SIGNATURE).hasMessageContaining("'aws5_request'");
    }

    @Test
    void rejectsUnsignedHost() {
        SignableRequest r = withHeader(
                signed(ecsPost()),
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDALICE/20240301/us-east-1/ecs/aws4_request, SignedHeaders=x-amz-date, Signature=00");

        assertRejected(r, ErrorCode.INCOMPLETE_SIGNATURE).hasMessageContaining("'Host'");
    }

    @Test
    void rejectsEmptyHeaderNamesInSignedHeaders() {
        SignableRequest ok = signed(ecsPost());
        String auth = ok.headers().get("authorization").getFirst();
        for (String bad : new String[] {";;;", ";;;host;x-amz-date", "host;;x-amz-date", "host;x-amz-date;", ";host"}) {
            String header = auth.replaceFirst("SignedHeaders=[^,]*", "SignedHeaders=" + bad);
            assertRejected(withHeader(ok, "Authorization", header), ErrorCode.INCOMPLETE_SIGNATURE)
                    .as(bad)
                    .hasMessageContaining("SignedHeaders");
        }
    }

    @Test
    void rejectsEmptyHeaderNamesAroundTheHeadersTheClientReallySigned() {
        SignableRequest ok = signed(ecsPost());
        String auth = ok.headers().get("authorization").getFirst();
        String padded = auth.replaceFirst("SignedHeaders=", "SignedHeaders=;;;");

        assertRejected(withHeader(ok, "Authorization", padded), ErrorCode.INCOMPLETE_SIGNATURE)
                .hasMessageContaining("SignedHeaders");
    }

    @Test
    void rejectsMissingAmzDate() {
        assertRejected(withoutHeader(signed(ecsPost()), "X-Amz-Date"), ErrorCode.INCOMPLETE_SIGNATURE)
                .hasMessageContaining("X-Amz-Date");
    }

    @Test
    void rejectsOtherAuthorizationSchemes() {
        assertRejected(
                withHeader(signed(ecsPost()), "Authorization", "Basic YWxpY2U6c2VjcmV0"),
                ErrorCode.INCOMPLETE_SIGNATURE);
    }

    @Test
    void principalToStringHidesTheSecret() {
        assertThat(ALICE.toString()).doesNotContain("alice-secret").contains("AKIDALICE");
    }

    static final Principal SESSION = new Principal(
            "ASIASESSION",
            "session-secret",
            "arn:aws:sts::000000000000:assumed-role/app/s1",
            java.util.Optional.of("the-token"),
            java.util.Optional.of(NOW.plus(Duration.ofHours(1))));

    static SignableRequest sessionRequest(java.util.Optional<String> token, Instant at) {
        SdkSigning.Spec base = SdkSigning.Spec.post(
                ENDPOINT,
                "AmazonEC2ContainerServiceV20141113.ListClusters",
                BODY,
                SESSION.accessKeyId(),
                SESSION.secretAccessKey(),
                at);
        Map<String, List<String>> headers = new LinkedHashMap<>(base.headers());
        token.ifPresent(t -> headers.put("X-Amz-Security-Token", List.of(t)));
        return signed(new SdkSigning.Spec(
                base.method(), base.uri(), headers, base.body(), base.accessKeyId(), base.secret(), "ecs", at, true));
    }

    @Test
    void aSessionKeyIsGoodWithItsOwnTokenUntilItExpires() {
        SigV4Verifier sessions = new SigV4Verifier(Credentials.of(SESSION), InstantSource.fixed(NOW));
        assertThat(sessions.verify(sessionRequest(java.util.Optional.of("the-token"), NOW), "ecs"))
                .isEqualTo(SESSION);
    }

    @Test
    void aSessionKeyWithAForgedOrMissingTokenIsAnUnrecognizedClient() {
        SigV4Verifier sessions = new SigV4Verifier(Credentials.of(SESSION), InstantSource.fixed(NOW));
        for (var token : List.of(java.util.Optional.of("forged"), java.util.Optional.<String>empty())) {
            assertThatThrownBy(() -> sessions.verify(sessionRequest(token, NOW), "ecs"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNRECOGNIZED_CLIENT);
                        assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void aSessionKeyPastItsExpirationIsAnExpiredToken() {
        Instant later = NOW.plus(Duration.ofHours(2));
        SigV4Verifier sessions = new SigV4Verifier(Credentials.of(SESSION), InstantSource.fixed(later));
        assertThatThrownBy(() -> sessions.verify(sessionRequest(java.util.Optional.of("the-token"), later), "ecs"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.EXPIRED_TOKEN);
                    assertThat(e.getMessage()).isEqualTo("The security token included in the request is expired");
                });
    }

    @Test
    void aLongTermKeySentWithATokenIsAnUnrecognizedClient() {
        SdkSigning.Spec base = ecsPost();
        Map<String, List<String>> headers = new LinkedHashMap<>(base.headers());
        headers.put("X-Amz-Security-Token", List.of("whatever"));
        SignableRequest r = signed(new SdkSigning.Spec(
                base.method(), base.uri(), headers, base.body(), base.accessKeyId(), base.secret(), "ecs", NOW, true));
        assertRejected(r, ErrorCode.UNRECOGNIZED_CLIENT)
                .hasMessage("The security token included in the request is invalid.");
    }
}
