package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Secrets Manager through the AWS SDK for Java v2, the AWS CLI v2 and boto3 against a real server: versions and
 * stages, idempotent tokens, filters and pages, deletion and recovery, errors with AWS's names, and values that never
 * reach the database file in plaintext.
 */
class SecretsManagerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGantry g;
    private static SecretsManagerClient sm;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        sm = client(g.server.endpoint());
    }

    static SecretsManagerClient client(String endpoint) {
        return SecretsManagerClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(TestGantry.credentials())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    @Test
    void versionsMoveBetweenStagesAndEveryIdFormFindsTheSecret() {
        String name = unique("app/db");
        CreateSecretResponse created = sm.createSecret(r -> r.name(name)
                .secretString("{\"password\":\"one\"}")
                .description("database password")
                .kmsKeyId("alias/my-key")
                .tags(Tag.builder().key("team").value("payments").build()));
        assertThat(created.arn())
                .matches("arn:aws:secretsmanager:us-east-1:\\d{12}:secret:" + name.replace("/", "/")
                        + "-[A-Za-z0-9]{6}");
        String v1 = created.versionId();
        String partial = created.arn().substring(0, created.arn().length() - 7);
        for (String id : List.of(name, created.arn(), partial)) {
            GetSecretValueResponse got = sm.getSecretValue(r -> r.secretId(id));
            assertThat(got.secretString()).isEqualTo("{\"password\":\"one\"}");
            assertThat(got.versionId()).isEqualTo(v1);
            assertThat(got.versionStages()).containsExactly("AWSCURRENT");
            assertThat(got.arn()).isEqualTo(created.arn());
        }

        String v2 = token();
        PutSecretValueResponse put =
                sm.putSecretValue(r -> r.secretId(name).clientRequestToken(v2).secretString("{\"password\":\"two\"}"));
        assertThat(put.versionId()).isEqualTo(v2);
        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        // the same token and value again: the same answer, nothing changes; another value: ResourceExistsException
        assertThat(sm.putSecretValue(
                                r -> r.secretId(name).clientRequestToken(v2).secretString("{\"password\":\"two\"}"))
                        .versionId())
                .isEqualTo(v2);
        assertThatThrownBy(() -> sm.putSecretValue(r ->
                        r.secretId(name).clientRequestToken(v2).secretString("{\"password\":\"changed-value-xyz\"}")))
                .isInstanceOfSatisfying(
                        ResourceExistsException.class,
                        e -> assertThat(e.getMessage())
                                .contains("can't modify an existing version")
                                .doesNotContain("changed-value-xyz"));
        assertThat(sm.getSecretValue(r -> r.secretId(name).versionStage("AWSPREVIOUS"))
                        .secretString())
                .isEqualTo("{\"password\":\"one\"}");
        assertThat(sm.getSecretValue(r -> r.secretId(name).versionId(v1)).versionStages())
                .containsExactly("AWSPREVIOUS");

        String pending = token();
        sm.putSecretValue(r -> r.secretId(name)
                .clientRequestToken(pending)
                .secretString("three")
                .versionStages("AWSPENDING"));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).versionId()).isEqualTo(v2);
        assertThatThrownBy(() -> sm.updateSecretVersionStage(
                        r -> r.secretId(name).versionStage("AWSCURRENT").moveToVersionId(pending)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("RemoveFromVersionId");
        sm.updateSecretVersionStage(r -> r.secretId(name)
                .versionStage("AWSCURRENT")
                .moveToVersionId(pending)
                .removeFromVersionId(v2));
        DescribeSecretResponse d = sm.describeSecret(r -> r.secretId(partial));
        assertThat(d.versionIdsToStages())
                .containsEntry(pending, List.of("AWSCURRENT", "AWSPENDING"))
                .containsEntry(v2, List.of("AWSPREVIOUS"))
                .containsEntry(v1, List.of());
        assertThat(d.description()).isEqualTo("database password");
        assertThat(d.kmsKeyId()).isEqualTo("alias/my-key");
        assertThat(d.tags())
                .containsExactly(Tag.builder().key("team").value("payments").build());
        assertThat(d.createdDate()).isNotNull();
        assertThat(d.lastChangedDate()).isNotNull();
        assertThat(d.deletedDate()).isNull();
        assertThat(d.rotationEnabled()).isFalse();

        assertThat(sm.listSecretVersionIds(r -> r.secretId(name)).versions().stream()
                        .map(v -> v.versionId()))
                .containsExactly(pending, v2);
        assertThat(sm.listSecretVersionIds(r -> r.secretId(name).includeDeprecated(true))
                        .versions())
                .hasSize(3);
        sm.updateSecret(r -> r.secretId(name).description("rotated by hand").secretString("four"));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("four");
        assertThat(sm.describeSecret(r -> r.secretId(name)).description()).isEqualTo("rotated by hand");
        sm.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
    }

    @Test
    void binaryValuesRoundTrip() {
        String name = unique("bin");
        byte[] bytes = {0, 1, 2, (byte) 0xff, 42};
        sm.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));
        GetSecretValueResponse got = sm.getSecretValue(r -> r.secretId(name));
        assertThat(got.secretBinary().asByteArray()).isEqualTo(bytes);
        assertThat(got.secretString()).isNull();
        sm.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
    }

    @Test
    void deletionWaitsOutTheRecoveryWindowAndCanBeUndone() {
        String name = unique("doomed");
        String arn = sm.createSecret(r -> r.name(name).secretString("v")).arn();
        var deleted = sm.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L));
        assertThat(deleted.deletionDate()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId(name)))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getMessage()).contains("marked for deletion"));
        assertThat(sm.describeSecret(r -> r.secretId(arn)).deletedDate()).isNotNull();
        assertThat(names(sm.listSecrets(r -> r.filters(nameFilter(name))))).isEmpty();
        assertThat(names(sm.listSecrets(r -> r.filters(nameFilter(name)).includePlannedDeletion(true))))
                .containsExactly(name);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name(name).secretString("again")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("scheduled for deletion");
        sm.restoreSecret(r -> r.secretId(name));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v");
        sm.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
        assertThatThrownBy(() -> sm.describeSecret(r -> r.secretId(name)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Secrets Manager can't find the specified secret.");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    private static Filter nameFilter(String prefix) {
        return Filter.builder().key(FilterNameStringType.NAME).values(prefix).build();
    }

    private static List<String> names(ListSecretsResponse r) {
        return r.secretList().stream().map(SecretListEntry::name).toList();
    }

    @Test
    void listSecretsFiltersSortsAndPages() {
        String prefix = unique("list");
        for (String suffix : List.of("a", "b", "c")) {
            sm.createSecret(r -> r.name(prefix + "/" + suffix)
                    .secretString("x")
                    .tags(Tag.builder().key("tier-" + suffix).value("gold").build()));
        }
        assertThat(names(sm.listSecrets(r -> r.filters(nameFilter(prefix)))))
                .containsExactly(prefix + "/a", prefix + "/b", prefix + "/c");
        assertThat(names(sm.listSecrets(r -> r.filters(nameFilter(prefix)).sortOrder("desc"))))
                .containsExactly(prefix + "/c", prefix + "/b", prefix + "/a");
        assertThat(names(sm.listSecrets(r -> r.filters(
                        nameFilter(prefix),
                        Filter.builder()
                                .key(FilterNameStringType.TAG_KEY)
                                .values("tier-b")
                                .build()))))
                .containsExactly(prefix + "/b");
        ListSecretsResponse first =
                sm.listSecrets(r -> r.filters(nameFilter(prefix)).maxResults(2));
        assertThat(names(first)).hasSize(2);
        ListSecretsResponse second =
                sm.listSecrets(r -> r.filters(nameFilter(prefix)).maxResults(2).nextToken(first.nextToken()));
        assertThat(names(second)).containsExactly(prefix + "/c");
        assertThat(second.nextToken()).isNull();
        assertThat(second.secretList().getFirst().secretVersionsToStages()).hasSize(1);
        // the SDK's paginator walks the same pages
        assertThat(sm.listSecretsPaginator(r -> r.filters(nameFilter(prefix)).maxResults(1)).stream()
                        .flatMap(page -> page.secretList().stream())
                        .map(SecretListEntry::name))
                .hasSize(3);

        sm.tagResource(r -> r.secretId(prefix + "/a")
                .tags(Tag.builder().key("extra").value("1").build()));
        sm.untagResource(r -> r.secretId(prefix + "/a").tagKeys("tier-a"));
        assertThat(sm.describeSecret(r -> r.secretId(prefix + "/a")).tags())
                .containsExactly(Tag.builder().key("extra").value("1").build());

        BatchGetSecretValueResponse batch =
                sm.batchGetSecretValue(r -> r.secretIdList(prefix + "/a", prefix + "/missing"));
        assertThat(batch.secretValues()).hasSize(1);
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.secretId()).isEqualTo(prefix + "/missing");
            assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
        });
        assertThat(sm.batchGetSecretValue(r -> r.filters(nameFilter(prefix))).secretValues())
                .hasSize(3);
        for (String suffix : List.of("a", "b", "c")) {
            sm.deleteSecret(r -> r.secretId(prefix + "/" + suffix).forceDeleteWithoutRecovery(true));
        }
    }

    @Test
    void badInputIsRefusedWithAwsErrorNamesAndMessagesThatSayWhatToChange() {
        assertThatThrownBy(() -> sm.createSecret(r -> r.name("has space").secretString("x")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("alphanumeric");
        assertThatThrownBy(() -> sm.createSecret(
                        r -> r.name(unique("both")).secretString("x").secretBinary(SdkBytes.fromUtf8String("y"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("both a binary secret value and a string");
        String big = "z".repeat(65_537);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name(unique("big")).secretString(big)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("65536");
        assertThatThrownBy(() -> sm.createSecret(
                        r -> r.name(unique("replica")).secretString("x").addReplicaRegions(b -> b.region("eu-west-1"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("AddReplicaRegions");
        String name = unique("window");
        sm.createSecret(r -> r.name(name).secretString("x"));
        assertThatThrownBy(() -> sm.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(5L)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("between 7 and 30");
        assertThatThrownBy(() -> sm.deleteSecret(
                        r -> r.secretId(name).recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.createSecret(r -> r.name(name).secretString("x")))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageContaining(name);
        assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId(name).versionStage("AWSPENDING")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("AWSPENDING");
        assertThatThrownBy(() -> sm.listSecrets(r -> r.nextToken("garbage"))).hasMessageContaining("NextToken");
        sm.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
    }

    @Test
    void valuesNeverReachTheDatabaseFileInPlaintext() throws Exception {
        String marker = "gantry-plaintext-canary-" + UUID.randomUUID();
        String name = unique("canary");
        sm.createSecret(r -> r.name(name).secretString(marker + "-string"));
        sm.putSecretValue(r -> r.secretId(name).secretBinary(SdkBytes.fromUtf8String(marker + "-binary")));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretBinary().asUtf8String())
                .isEqualTo(marker + "-binary");
        Path dir = g.server.config().dataDir();
        StringBuilder all = new StringBuilder();
        for (String f : List.of("gantry.db", "gantry.db-wal")) {
            Path file = dir.resolve(f);
            if (Files.exists(file)) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(raw).as(f).doesNotContain(marker);
                all.append(raw);
            }
        }
        // the secret's row is there (in the file or still in the WAL): the bytes searched are the right ones
        assertThat(all.toString()).contains(name);
    }

    @Test
    void awsCliV2CreatesReadsListsAndDeletes() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        AwsCli cli = new AwsCli(g.server.endpoint());
        String name = unique("cli");
        JsonNode created = JSON.readTree(cli.run(
                "secretsmanager",
                "create-secret",
                "--name",
                name,
                "--secret-string",
                "{\"user\":\"admin\"}",
                "--output",
                "json"));
        assertThat(created.path("ARN").asText()).contains(":secret:" + name + "-");
        JsonNode got =
                JSON.readTree(cli.run("secretsmanager", "get-secret-value", "--secret-id", name, "--output", "json"));
        assertThat(got.path("SecretString").asText()).isEqualTo("{\"user\":\"admin\"}");
        assertThat(got.path("VersionStages").get(0).asText()).isEqualTo("AWSCURRENT");
        cli.run("secretsmanager", "put-secret-value", "--secret-id", name, "--secret-string", "second");
        assertThat(JSON.readTree(cli.run(
                                "secretsmanager",
                                "get-secret-value",
                                "--secret-id",
                                name,
                                "--version-stage",
                                "AWSPREVIOUS",
                                "--output",
                                "json"))
                        .path("SecretString")
                        .asText())
                .isEqualTo("{\"user\":\"admin\"}");
        JsonNode listed = JSON.readTree(
                cli.run("secretsmanager", "list-secrets", "--filters", "Key=name,Values=" + name, "--output", "json"));
        assertThat(listed.path("SecretList")).hasSize(1);
        cli.run("secretsmanager", "delete-secret", "--secret-id", name, "--force-delete-without-recovery");
        Process p = cli.process("secretsmanager", "describe-secret", "--secret-id", name)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isNotZero();
        assertThat(out).contains("ResourceNotFoundException");
    }

    @Test
    void boto3ReadsTheValue() throws Exception {
        String name = unique("boto");
        sm.createSecret(r -> r.name(name).secretString("from-boto3"));
        String script = "import boto3\n"
                + "c = boto3.client('secretsmanager', endpoint_url='" + g.server.endpoint()
                + "', region_name='us-east-1')\n"
                + "print(c.get_secret_value(SecretId='" + name + "')['SecretString'])\n";
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true);
        pb.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID", TestGantry.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY));
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("from-boto3");
        sm.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
    }
}
