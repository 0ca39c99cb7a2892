package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS GetCallerIdentity over the AWS Query protocol, as every SDK and Terraform call it first: the AWS CLI v2,
 * boto3 and the AWS SDK for Java v2 against a real server; and the Query protocol's XML errors.
 */
class StsIT {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGantry g;
    private static String account;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        account = g.server.config().accountId();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", TestGantry.ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY);
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_PAGER", "");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().remove("AWS_SESSION_TOKEN");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s exit code; output: %s", command, out).isZero();
        return out.trim();
    }

    private void assertAdminIdentity(JsonNode id) {
        assertThat(id.path("Account").asText()).isEqualTo(account);
        assertThat(id.path("Arn").asText()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(id.path("UserId").asText()).isEqualTo(account);
    }

    @Test
    void awsCliV2GetCallerIdentity() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(AWS), "AWS CLI v2 not at /usr/bin/aws");
        String out = run(List.of(
                AWS.toString(),
                "--endpoint-url",
                g.server.endpoint(),
                "sts",
                "get-caller-identity",
                "--output",
                "json"));
        assertAdminIdentity(JSON.readTree(out));
    }

    @Test
    void boto3GetCallerIdentity() throws Exception {
        String script = "import boto3, json\n"
                + "sts = boto3.client('sts', endpoint_url='" + g.server.endpoint() + "', region_name='us-east-1')\n"
                + "r = sts.get_caller_identity()\n"
                + "print(json.dumps({k: r[k] for k in ('UserId', 'Account', 'Arn')}))\n";
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        assertAdminIdentity(JSON.readTree(run(command)));
    }

    @Test
    void javaSdkV2GetCallerIdentity() {
        try (StsClient sts = StsClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(TestGantry.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            GetCallerIdentityResponse id = sts.getCallerIdentity();
            assertThat(id.account()).isEqualTo(account);
            assertThat(id.arn()).isEqualTo("arn:aws:iam::" + account + ":root");
            assertThat(id.userId()).isEqualTo(account);
        }
    }

    @Test
    void aBadSignatureIsTheQueryProtocolsXmlError() throws Exception {
        try (StsClient sts = StsClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestGantry.ACCESS_KEY, "wrong-secret")))
                .build()) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            });
        }
        HttpResponse<String> raw = query("wrong-secret", "Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(raw.statusCode()).isEqualTo(403);
        Document doc = xml(raw);
        assertThat(at(doc, "/ErrorResponse/Error/Type")).isEqualTo("Sender");
        assertThat(at(doc, "/ErrorResponse/Error/Code")).isEqualTo("SignatureDoesNotMatch");
        assertThat(at(doc, "/ErrorResponse/RequestId")).isNotBlank();
    }

    @Test
    void anUnknownQueryActionIsInvalidActionInXml() throws Exception {
        HttpResponse<String> raw = query(TestGantry.SECRET_KEY, "Action=GetSessionTokenPlease&Version=2011-06-15");
        assertThat(raw.statusCode()).isEqualTo(400);
        Document doc = xml(raw);
        assertThat(at(doc, "/ErrorResponse/Error/Type")).isEqualTo("Sender");
        assertThat(at(doc, "/ErrorResponse/Error/Code")).isEqualTo("InvalidAction");
        assertThat(at(doc, "/ErrorResponse/Error/Message")).contains("GetSessionTokenPlease");
        assertThat(at(doc, "/ErrorResponse/RequestId"))
                .isEqualTo(raw.headers().firstValue("x-amzn-RequestId").orElseThrow());
    }

    @Test
    void jsonServicesAreUnchangedBesideIt() {
        assertThat(g.ecs.listClusters().clusterArns()).isNotEmpty();
    }

    private static HttpResponse<String> query(String secret, String form) throws Exception {
        return SignedHttp.post(
                g.server.endpoint(),
                "sts",
                secret,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                form);
    }

    private static Document xml(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String at(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }
}
