package dev.gantry.api.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Test helper: signs requests with the real AWS SDK v2 SigV4 signer and converts them for the verifier. */
public final class SdkSigning {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SdkSigning() {}

    /** What to sign; {@code uri} carries scheme, host, port, encoded path and encoded query. */
    public record Spec(
            String method,
            URI uri,
            Map<String, List<String>> headers,
            byte[] body,
            String accessKeyId,
            String secret,
            String service,
            Instant at,
            boolean payloadSigning) {

        public static Spec post(URI uri, String target, byte[] body, String accessKeyId, String secret, Instant at) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Content-Type", List.of("application/x-amz-json-1.1"));
            headers.put("X-Amz-Target", List.of(target));
            return new Spec("POST", uri, headers, body, accessKeyId, secret, "ecs", at, true);
        }

        public Spec withService(String newService) {
            return new Spec(method, uri, headers, body, accessKeyId, secret, newService, at, payloadSigning);
        }

        public Spec withAt(Instant newAt) {
            return new Spec(method, uri, headers, body, accessKeyId, secret, service, newAt, payloadSigning);
        }

        public Spec withSecret(String newSecret) {
            return new Spec(method, uri, headers, body, accessKeyId, newSecret, service, at, payloadSigning);
        }
    }

    /** Signs with the SDK and returns the request exactly as it would go on the wire (headers incl. Host). */
    public static SdkHttpRequest sign(Spec spec) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(spec.method()))
                .uri(spec.uri());
        spec.headers().forEach(builder::putHeader);
        return SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(spec.accessKeyId(), spec.secret()))
                        .request(builder.build())
                        .payload(ContentStreamProvider.fromByteArray(spec.body()))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, spec.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, spec.payloadSigning())
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(spec.at(), ZoneOffset.UTC)))
                .request();
    }

    /** The verifier's view of a signed SDK request, with the Host header the wire would carry. */
    public static SignableRequest toSignable(SdkHttpRequest signed, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        if (headers.keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
            int standardPort = "https".equals(signed.protocol()) ? 443 : 80;
            String host = signed.host() + (signed.port() == standardPort ? "" : ":" + signed.port());
            headers.put("Host", List.of(host));
        }
        return new SignableRequest(
                signed.method().name(),
                signed.encodedPath(),
                signed.encodedQueryParameters().orElse(""),
                headers,
                body);
    }
}
