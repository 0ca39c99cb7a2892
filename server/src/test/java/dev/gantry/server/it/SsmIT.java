package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * SSM Parameter Store through the AWS SDK for Java v2 and the AWS CLI v2 against a real server: versions, selectors,
 * labels, paths, filters, pagination, tags, AWS's error names — and SecureString values sealed at rest: a distinctive
 * value written through the API is absent from the raw bytes of gantry.db and its WAL.
 */
class SsmIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGantry g;
    private static SsmClient ssm;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        ssm = SsmClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(TestGantry.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        ssm.close();
    }

    private static String arn(String name) {
        return "arn:aws:ssm:us-east-1:" + g.server.config().accountId() + ":parameter"
                + (name.startsWith("/") ? name : "/" + name);
    }

    @Test
    void versionsSelectorsAndAFeatureFlagChangeSeenByTheNextRead() {
        String name = "/it/flags/checkout-v2";
        assertThat(ssm.putParameter(b -> b.name(name).value("off").type(ParameterType.STRING))
                        .version())
                .isEqualTo(1L);
        assertThat(ssm.getParameter(b -> b.name(name)).parameter().value()).isEqualTo("off");
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name(name).value("on").type(ParameterType.STRING)))
                .isInstanceOfSatisfying(
                        ParameterAlreadyExistsException.class,
                        e -> assertThat(e.getMessage()).contains("set the overwrite option"));
        var put = ssm.putParameter(b -> b.name(name).value("on").overwrite(true));
        assertThat(put.version()).isEqualTo(2L);
        assertThat(put.tier()).isEqualTo(ParameterTier.STANDARD);
        Parameter now = ssm.getParameter(b -> b.name(name)).parameter();
        assertThat(now.value()).isEqualTo("on"); // the next read sees the change: no cache, no restart
        assertThat(now.version()).isEqualTo(2L);
        assertThat(now.arn()).isEqualTo(arn(name)).doesNotContain("parameter//");
        assertThat(now.dataType()).isEqualTo("text");
        assertThat(now.lastModifiedDate()).isNotNull();

        Parameter first = ssm.getParameter(b -> b.name(name + ":1")).parameter();
        assertThat(first.value()).isEqualTo("off");
        assertThat(first.selector()).isEqualTo(":1");
        assertThat(ssm.getParameter(b -> b.name(arn(name))).parameter().value()).isEqualTo("on");
        assertThatThrownBy(() -> ssm.getParameter(b -> b.name(name + ":9")))
                .isInstanceOf(ParameterVersionNotFoundException.class);
        assertThatThrownBy(() -> ssm.getParameter(b -> b.name("/it/none")))
                .isInstanceOf(ParameterNotFoundException.class);

        GetParametersResponse many = ssm.getParameters(b -> b.names(name, name + ":1", "/it/none", name + ":nolabel"));
        assertThat(many.parameters()).extracting(Parameter::value).containsExactlyInAnyOrder("on", "off");
        assertThat(many.invalidParameters()).containsExactly("/it/none", name + ":nolabel");
    }

    @Test
    void labelsMoveAndHistoryShowsThem() {
        String name = "/it/labels/conf";
        ssm.putParameter(b -> b.name(name).value("v1").type(ParameterType.STRING));
        ssm.putParameter(b -> b.name(name).value("v2").overwrite(true));
        LabelParameterVersionResponse labelled =
                ssm.labelParameterVersion(b -> b.name(name).parameterVersion(1L).labels("prod", "9lives"));
        assertThat(labelled.parameterVersion()).isEqualTo(1L);
        assertThat(labelled.invalidLabels()).containsExactly("9lives");
        assertThat(ssm.getParameter(b -> b.name(name + ":prod")).parameter().value())
                .isEqualTo("v1");
        ssm.labelParameterVersion(b -> b.name(name).labels("prod")); // to the latest
        assertThat(ssm.getParameter(b -> b.name(name + ":prod")).parameter().value())
                .isEqualTo("v2");
        List<ParameterHistory> history =
                ssm.getParameterHistory(b -> b.name(name)).parameters();
        assertThat(history).extracting(ParameterHistory::version).containsExactly(1L, 2L);
        assertThat(history).extracting(ParameterHistory::labels).containsExactly(List.of(), List.of("prod"));
        assertThat(history.get(0).lastModifiedUser()).endsWith(":root");
    }

    @Test
    void pathsFiltersAndPagination() {
        for (int i = 0; i < 12; i++) {
            int n = i;
            ssm.putParameter(b -> b.name("/it/tree/svc/p" + String.format("%02d", n))
                    .value("v" + n)
                    .type(n % 2 == 0 ? ParameterType.STRING : ParameterType.SECURE_STRING));
        }
        ssm.putParameter(b -> b.name("/it/tree/top").value("t").type(ParameterType.STRING));
        List<String> oneLevel = ssm.getParametersByPath(b -> b.path("/it/tree")).parameters().stream()
                .map(Parameter::name)
                .toList();
        assertThat(oneLevel).containsExactly("/it/tree/top");
        List<String> all = new ArrayList<>();
        ssm.getParametersByPathPaginator(b -> b.path("/it/tree").recursive(true).maxResults(5))
                .forEach(page -> {
                    assertThat(page.parameters()).hasSizeLessThanOrEqualTo(5);
                    page.parameters().forEach(p -> all.add(p.name()));
                });
        assertThat(all).hasSize(13).doesNotHaveDuplicates();
        var secure = ssm.getParametersByPath(b -> b.path("/it/tree/svc")
                .parameterFilters(ParameterStringFilter.builder()
                        .key("Type")
                        .values("SecureString")
                        .build())
                .withDecryption(true));
        assertThat(secure.parameters())
                .hasSize(6)
                .allSatisfy(p -> assertThat(p.value()).startsWith("v"));
        assertThatThrownBy(() -> ssm.getParametersByPath(b -> b.path("/it").maxResults(11)))
                .isInstanceOfSatisfying(SsmException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).contains("less than or equal to 10");
                });

        DescribeParametersResponse described = ssm.describeParameters(b -> b.parameterFilters(
                ParameterStringFilter.builder()
                        .key("Path")
                        .option("Recursive")
                        .values("/it/tree")
                        .build(),
                ParameterStringFilter.builder()
                        .key("Type")
                        .values("SecureString")
                        .build()));
        List<ParameterMetadata> metas = new ArrayList<>(described.parameters());
        String token = described.nextToken();
        while (token != null) {
            String t = token;
            var next = ssm.describeParameters(b -> b.nextToken(t)
                    .parameterFilters(
                            ParameterStringFilter.builder()
                                    .key("Path")
                                    .option("Recursive")
                                    .values("/it/tree")
                                    .build(),
                            ParameterStringFilter.builder()
                                    .key("Type")
                                    .values("SecureString")
                                    .build()));
            metas.addAll(next.parameters());
            token = next.nextToken();
        }
        assertThat(metas).hasSize(6).allSatisfy(m -> {
            assertThat(m.keyId()).isEqualTo("alias/aws/ssm");
            assertThat(m.tier()).isEqualTo(ParameterTier.STANDARD);
        });
        assertThatThrownBy(() -> ssm.describeParameters(b -> b.parameterFilters(
                        ParameterStringFilter.builder().key("Label").values("x").build())))
                .isInstanceOfSatisfying(
                        SsmException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidFilterKey"));
    }

    @Test
    void deletesAndTags() {
        ssm.putParameter(b -> b.name("/it/del/a")
                .value("1")
                .type(ParameterType.STRING)
                .tags(Tag.builder().key("env").value("dev").build()));
        ssm.putParameter(b -> b.name("/it/del/b").value("1").type(ParameterType.STRING_LIST));
        assertThat(ssm.listTagsForResource(b ->
                                b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/it/del/a"))
                        .tagList())
                .containsExactly(Tag.builder().key("env").value("dev").build());
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name("/it/del/a")
                        .value("2")
                        .overwrite(true)
                        .tags(Tag.builder().key("x").value("y").build())))
                .isInstanceOfSatisfying(
                        SsmException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        ssm.deleteParameter(b -> b.name("/it/del/a"));
        assertThatThrownBy(() -> ssm.deleteParameter(b -> b.name("/it/del/a")))
                .isInstanceOf(ParameterNotFoundException.class);
        var deleted = ssm.deleteParameters(b -> b.names("/it/del/b", "/it/del/a"));
        assertThat(deleted.deletedParameters()).containsExactly("/it/del/b");
        assertThat(deleted.invalidParameters()).containsExactly("/it/del/a");
    }

    @Test
    void namingRulesAndLimitsAnswerAsAwsDoes() {
        assertThatThrownBy(() ->
                        ssm.putParameter(b -> b.name("/aws/mine").value("x").type(ParameterType.STRING)))
                .isInstanceOfSatisfying(SsmException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        String deep = "/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16";
        assertThatThrownBy(() -> ssm.putParameter(b -> b.name(deep).value("x").type(ParameterType.STRING)))
                .isInstanceOfSatisfying(
                        SsmException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode())
                                .isEqualTo("HierarchyLevelLimitExceededException"));
        assertThatThrownBy(() -> ssm.putParameter(
                        b -> b.name("/it/big").value("x".repeat(4097)).type(ParameterType.STRING)))
                .isInstanceOfSatisfying(
                        SsmException.class,
                        e -> assertThat(e.getMessage())
                                .contains("Standard tier parameters support a maximum parameter value of 4096"));
        assertThat(ssm.putParameter(b -> b.name("/it/big")
                                .value("x".repeat(4097))
                                .type(ParameterType.STRING)
                                .tier(ParameterTier.INTELLIGENT_TIERING))
                        .tier())
                .isEqualTo(ParameterTier.ADVANCED);
    }

    @Test
    void secureStringsAreCiphertextWithoutDecryptionAndNeverPlaintextOnDisk() throws Exception {
        String secret = "Zq-sealed-" + Long.toHexString(System.nanoTime()) + "-canary";
        String name = "/it/secure/db-password";
        ssm.putParameter(b ->
                b.name(name).value(secret).type(ParameterType.SECURE_STRING).keyId("alias/app"));
        GetParameterResponse hidden = ssm.getParameter(b -> b.name(name));
        assertThat(hidden.parameter().value()).isNotEqualTo(secret).doesNotContain(secret);
        assertThat(ssm.getParameter(b -> b.name(name)).parameter().value())
                .isEqualTo(hidden.parameter().value()); // stable
        assertThat(ssm.getParameter(b -> b.name(name).withDecryption(true))
                        .parameter()
                        .value())
                .isEqualTo(secret);
        ssm.putParameter(b -> b.name(name).value(secret + "-v2").overwrite(true));
        assertThat(ssm.getParameterHistory(b -> b.name(name).withDecryption(true))
                        .parameters())
                .extracting(ParameterHistory::value)
                .containsExactly(secret, secret + "-v2");
        assertThat(ssm.getParameterHistory(b -> b.name(name)).parameters())
                .allSatisfy(h -> assertThat(h.value()).doesNotContain(secret));
        assertThat(ssm.describeParameters(b -> b.parameterFilters(ParameterStringFilter.builder()
                                .key("Name")
                                .values(name)
                                .build()))
                        .parameters())
                .singleElement()
                .satisfies(m -> assertThat(m.keyId()).isEqualTo("alias/app"));

        Path dataDir = g.server.config().dataDir();
        boolean sawName = false;
        for (String file : List.of("gantry.db", "gantry.db-wal")) {
            Path p = dataDir.resolve(file);
            if (Files.exists(p)) {
                String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(raw).as(file).doesNotContain(secret);
                sawName |= raw.contains(name);
            }
        }
        assertThat(sawName)
                .as("the parameter's name is in the files, so the grep reads them")
                .isTrue();
    }

    @Test
    void boto3ReadsAFlagAndASecureString() throws Exception {
        ssm.putParameter(b -> b.name("/it/boto3/flag").value("beta").type(ParameterType.STRING));
        ssm.putParameter(b -> b.name("/it/boto3/token").value("b0t0-secret").type(ParameterType.SECURE_STRING));
        String script = "import boto3, json\n"
                + "c = boto3.client('ssm', endpoint_url='" + g.server.endpoint() + "', region_name='us-east-1',"
                + " aws_access_key_id='" + TestGantry.ACCESS_KEY + "', aws_secret_access_key='"
                + TestGantry.SECRET_KEY + "')\n"
                + "flag = c.get_parameter(Name='/it/boto3/flag')['Parameter']['Value']\n"
                + "token = c.get_parameter(Name='/it/boto3/token', WithDecryption=True)['Parameter']['Value']\n"
                + "try:\n"
                + "    c.get_parameter(Name='/it/boto3/none')\n"
                + "    missing = 'found'\n"
                + "except c.exceptions.ParameterNotFound:\n"
                + "    missing = 'ParameterNotFound'\n"
                + "print(json.dumps({'flag': flag, 'token': token, 'missing': missing}))\n";
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true);
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        JsonNode result = JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
        assertThat(result.path("flag").asText()).isEqualTo("beta");
        assertThat(result.path("token").asText()).isEqualTo("b0t0-secret");
        assertThat(result.path("missing").asText()).isEqualTo("ParameterNotFound");
    }

    @Test
    void awsCliV2() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        AwsCli aws = new AwsCli(g.server.endpoint());
        String name = "/it/cli/api-key";
        JsonNode put = JSON.readTree(
                aws.run("ssm", "put-parameter", "--name", name, "--value", "s3cr3t-cli", "--type", "SecureString"));
        assertThat(put.path("Version").asLong()).isEqualTo(1);
        JsonNode got = JSON.readTree(aws.run("ssm", "get-parameter", "--name", name, "--with-decryption"));
        assertThat(got.path("Parameter").path("Value").asText()).isEqualTo("s3cr3t-cli");
        aws.run("ssm", "put-parameter", "--name", name, "--value", "rotated", "--overwrite");
        JsonNode label = JSON.readTree(aws.run(
                "ssm", "label-parameter-version", "--name", name, "--parameter-version", "1", "--labels", "old"));
        assertThat(label.path("ParameterVersion").asLong()).isEqualTo(1);
        JsonNode history = JSON.readTree(aws.run("ssm", "get-parameter-history", "--name", name, "--with-decryption"));
        assertThat(history.path("Parameters").get(0).path("Labels").get(0).asText())
                .isEqualTo("old");
        assertThat(history.path("Parameters").get(1).path("Value").asText()).isEqualTo("rotated");
        for (int i = 0; i < 3; i++) {
            aws.run("ssm", "put-parameter", "--name", "/it/cli/tree/p" + i, "--value", "v" + i, "--type", "String");
        }
        JsonNode tree = JSON.readTree(aws.run("ssm", "get-parameters-by-path", "--path", "/it/cli", "--recursive"));
        assertThat(tree.path("Parameters")).hasSize(4);
        JsonNode firstPage = JSON.readTree(
                aws.run("ssm", "get-parameters-by-path", "--path", "/it/cli", "--recursive", "--max-items", "2"));
        assertThat(firstPage.path("Parameters")).hasSize(2);
        String token = firstPage.path("NextToken").asText();
        assertThat(token).isNotEmpty();
        JsonNode secondPage = JSON.readTree(aws.run(
                "ssm",
                "get-parameters-by-path",
                "--path",
                "/it/cli",
                "--recursive",
                "--max-items",
                "2",
                "--starting-token",
                token));
        assertThat(secondPage.path("Parameters")).hasSize(2);
        assertThat(secondPage.path("Parameters").get(0).path("Name").asText())
                .isNotEqualTo(firstPage.path("Parameters").get(0).path("Name").asText());
        Process missing =
                aws.process("ssm", "get-parameter", "--name", "/it/cli/none").start();
        String err = new String(missing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(missing.waitFor()).isNotZero();
        assertThat(err).contains("ParameterNotFound");
    }
}
