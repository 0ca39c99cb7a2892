package dev.gantry.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.auth.SdkSigning;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.QueryDialect;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.api.sts.StsService;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** The Query codec framed on the same port as JSON: STS through the real SDK, errors in both XML dialects. */
class QueryProtocolTest {

    static final Principal ROOT = new Principal("AKIDROOT", "root-secret", "arn:aws:iam::123456789012:root");
    static final Principal ALICE = new Principal("AKIDALICE", "alice-secret", "arn:aws:iam::123456789012:user/alice");
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    /** An EC2-dialect service with one action, to exercise the other XML shape. */
    static final class FakeEc2 implements AwsService {
        @Override
        public String signingName() {
            return "ec2";
        }

        @Override
        public ServiceBinding binding() {
            return new ServiceBinding.Query(QueryDialect.EC2, "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/");
        }

        @Override
        public Set<String> operationNames() {
            return Set.of("DescribeRegions");
        }

        @Override
        public JsonNode handle(String operation, JsonNode input, RequestContext context) {
            if (operation.equals("Explode")) {
                throw new IllegalStateException("a bug");
            }
            if (!operation.equals("DescribeRegions")) {
                throw new ApiException(ErrorCode.UNKNOWN_OPERATION, "The action " + operation + " is not valid.");
            }
            var out = Json.mapper().createObjectNode();
            out.putArray("regionInfo")
                    .addObject()
                    .put("regionName", input.path("RegionName").path(0).asText());
            return out;
        }
    }

    final FakeService ecs = FakeService.ecs();
    ApiServer server;
    RawClient raw;

    @BeforeEach
    void start() {
        server = ApiServer.builder()
                .port(0)
                .service(ecs)
                .service(new StsService(new Arns("us-east-1", "123456789012")))
                .service(new FakeEc2())
                .credentials(Credentials.of(ROOT, ALICE))
                .build()
                .start();
        raw = new RawClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    StsClient sts(Principal who, String secret) {
        return StsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(who.accessKeyId(), secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    HttpResponse<String> signedForm(Principal who, String service, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(FORM));
        SdkHttpRequest signed = SdkSigning.sign(new SdkSigning.Spec(
                "POST",
                raw.uri("/"),
                headers,
                body,
                who.accessKeyId(),
                who.secretAccessKey(),
                service,
                Instant.now(),
                true));
        Map<String, List<String>> sent = new LinkedHashMap<>(signed.headers());
        sent.keySet().removeIf(h -> h.equalsIgnoreCase("host") || h.equalsIgnoreCase("content-length"));
        return raw.send("POST", "/", sent, body);
    }

    static Document xml(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    static String at(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }

    @Test
    void getCallerIdentityForARootKeyThroughTheSdk() {
        GetCallerIdentityResponse id;
        try (StsClient client = sts(ROOT, ROOT.secretAccessKey())) {
            id = client.getCallerIdentity();
        }
        assertThat(id.account()).isEqualTo("123456789012");
        assertThat(id.arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(id.userId()).isEqualTo("123456789012");
        assertThat(id.responseMetadata().requestId()).isNotBlank();
    }

    @Test
    void getCallerIdentityForAUserKey() {
        try (StsClient client = sts(ALICE, ALICE.secretAccessKey())) {
            GetCallerIdentityResponse id = client.getCallerIdentity();
            assertThat(id.arn()).isEqualTo(ALICE.principalArn());
            assertThat(id.account()).isEqualTo("123456789012");
        }
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatchInXmlAndTheSdkReadsIt() throws Exception {
        try (StsClient client = sts(ROOT, "not-the-secret")) {
            assertThatThrownBy(client::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.awsErrorDetails().errorMessage()).contains("does not match the signature");
            });
        }
        HttpResponse<String> response = signedForm(
                new Principal(ROOT.accessKeyId(), "nope", ROOT.principalArn()),
                "sts",
                "Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(response.statusCode()).isEqualTo(403);
        Document doc = xml(response);
        assertThat(at(doc, "/ErrorResponse/Error/Type")).isEqualTo("Sender");
        assertThat(at(doc, "/ErrorResponse/Error/Code")).isEqualTo("SignatureDoesNotMatch");
        assertThat(at(doc, "/ErrorResponse/RequestId"))
                .isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    }

    @Test
    void anUnknownKeyIsInvalidClientTokenId() {
        try (StsClient client = StsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDNOBODY", "x")))
                .build()) {
            assertThatThrownBy(client::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            });
        }
    }

    @Test
    void anUnknownActionIsInvalidAction400Sender() throws Exception {
        HttpResponse<String> response = signedForm(ROOT, "sts", "Action=AssumeRoot&Version=2011-06-15");
        assertThat(response.statusCode()).isEqualTo(400);
        Document doc = xml(response);
        assertThat(doc.getDocumentElement().getAttribute("xmlns"))
                .isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(at(doc, "/ErrorResponse/Error/Type")).isEqualTo("Sender");
        assertThat(at(doc, "/ErrorResponse/Error/Code")).isEqualTo("InvalidAction");
        assertThat(at(doc, "/ErrorResponse/Error/Message"))
                .contains("AssumeRoot")
                .contains("docs/compat/sts.md");
    }

    @Test
    void missingActionWrongVersionAndUnsignedRequests() throws Exception {
        HttpResponse<String> noAction = signedForm(ROOT, "sts", "Version=2011-06-15");
        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(at(xml(noAction), "/ErrorResponse/Error/Code")).isEqualTo("MissingAction");

        HttpResponse<String> oldVersion = signedForm(ROOT, "sts", "Action=GetCallerIdentity&Version=2010-01-01");
        assertThat(oldVersion.statusCode()).isEqualTo(400);
        assertThat(at(xml(oldVersion), "/ErrorResponse/Error/Message")).contains("2011-06-15");

        HttpResponse<String> unsigned = raw.send(
                "POST",
                "/",
                Map.of("Content-Type", List.of(FORM)),
                "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(at(xml(unsigned), "/ErrorResponse/Error/Code")).isEqualTo("MissingAuthenticationToken");
    }

    @Test
    void aMalformedFormBodyIsAnXml400InvalidQueryParameterNotA500() throws Exception {
        for (String form : List.of(
                "Action=GetCallerIdentity&Version=2011-06-15&X=%",
                "Action=GetCallerIdentity&Version=2011-06-15&X=%zz")) {
            HttpResponse<String> response =
                    raw.send("POST", "/", Map.of("Content-Type", List.of(FORM)), form.getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(form).isEqualTo(400);
            Document doc = xml(response);
            assertThat(at(doc, "/ErrorResponse/Error/Code")).isEqualTo("InvalidQueryParameter");
            assertThat(at(doc, "/ErrorResponse/Error/Type")).isEqualTo("Sender");
            assertThat(at(doc, "/ErrorResponse/Error/Message")).contains("percent-encoded");
        }
    }

    @Test
    void aServiceGantryDoesNotServeOverQueryIsNamed() throws Exception {
        HttpResponse<String> response = signedForm(ROOT, "iam", "Action=ListUsers&Version=2010-05-08");
        assertThat(response.statusCode()).isEqualTo(400);
        Document doc = xml(response);
        assertThat(at(doc, "/ErrorResponse/Error/Code")).isEqualTo("InvalidAction");
        assertThat(at(doc, "/ErrorResponse/Error/Message")).contains("'iam'");
    }

    @Test
    void ec2DialectAnswersAndFailsInItsOwnShape() throws Exception {
        HttpResponse<String> ok =
                signedForm(ROOT, "ec2", "Action=DescribeRegions&Version=2016-11-15&RegionName.1=us-east-1");
        assertThat(ok.statusCode()).isEqualTo(200);
        Document doc = xml(ok);
        assertThat(at(doc, "/DescribeRegionsResponse/requestId")).isNotBlank();
        assertThat(at(doc, "/DescribeRegionsResponse/regionInfo/item/regionName"))
                .isEqualTo("us-east-1");

        HttpResponse<String> unknown = signedForm(ROOT, "ec2", "Action=RunInstances&Version=2016-11-15");
        assertThat(unknown.statusCode()).isEqualTo(400);
        Document err = xml(unknown);
        assertThat(at(err, "/Response/Errors/Error/Code")).isEqualTo("InvalidAction");
        assertThat(at(err, "/Response/RequestID")).isNotBlank();

        HttpResponse<String> badKey = signedForm(
                new Principal(ROOT.accessKeyId(), "nope", ROOT.principalArn()),
                "ec2",
                "Action=DescribeRegions&Version=2016-11-15");
        assertThat(badKey.statusCode()).isEqualTo(401);
        assertThat(at(xml(badKey), "/Response/Errors/Error/Code")).isEqualTo("AuthFailure");
    }

    @Test
    void aBugInAQueryServiceIsAnXmlInternalErrorNamingOnlyTheRequestId() throws Exception {
        HttpResponse<String> response = signedForm(ROOT, "ec2", "Action=Explode&Version=2016-11-15");
        assertThat(response.statusCode()).isEqualTo(500);
        Document doc = xml(response);
        assertThat(at(doc, "/Response/Errors/Error/Code")).isEqualTo("InternalError");
        assertThat(at(doc, "/Response/Errors/Error/Message"))
                .doesNotContain("a bug")
                .contains(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    }

    @Test
    void jsonRequestsOnTheSamePortAreUnchanged() throws Exception {
        ecs.onJson("ListClusters", "{\"clusterArns\":[]}");
        HttpResponse<String> response = raw.signedPost(
                ROOT, "ecs", "AmazonEC2ContainerServiceV20141113.ListClusters", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"clusterArns\":[]}");
    }
}
