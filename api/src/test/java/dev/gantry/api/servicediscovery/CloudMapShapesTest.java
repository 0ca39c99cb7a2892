package dev.gantry.api.servicediscovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.control.discovery.CloudMapPlane;
import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.CloudMapIds;
import dev.gantry.store.servicediscovery.CloudMapStore;
import dev.gantry.store.sqlite.Database;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer of every Cloud Map operation, checked member by member against botocore's model
 * (servicediscovery 2017-03-14): names, JSON types, enum values; and every error name Gantry uses is one the model
 * declares.
 */
class CloudMapShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Database db;
    CloudMapPlane plane;
    CloudMapService service;
    JsonNode model;
    final List<String> problems = new ArrayList<>();

    static final NetworkDirectory VPC = new NetworkDirectory() {
        @Override
        public Optional<Vpc> vpc(String vpcId) {
            return Optional.of(new Vpc(vpcId, "10.0.0.0/16", false, "available", Map.of()));
        }

        @Override
        public Optional<Subnet> subnet(String subnetId) {
            return Optional.empty();
        }

        @Override
        public List<Subnet> subnets() {
            return List.of();
        }

        @Override
        public Optional<SecurityGroup> securityGroup(String groupId) {
            return Optional.empty();
        }

        @Override
        public List<SecurityGroup> securityGroups() {
            return List.of();
        }

        @Override
        public Optional<SecurityGroup> defaultSecurityGroup(String vpcId) {
            return Optional.empty();
        }
    };

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("gantry.db"));
        plane = CloudMapPlane.create(
                new CloudMapStore(db),
                new CloudMapIds(IdSource.random(), "us-east-1", "123456789012"),
                VPC,
                InstantSource.system());
        service = new CloudMapService(plane.cloudMap());
        try (InputStream in = new GZIPInputStream(
                getClass().getResourceAsStream("/dev/gantry/api/servicediscovery/service-2.json.gz"))) {
            model = JSON.readTree(in);
        }
    }

    @AfterEach
    void close() {
        plane.close();
        db.close();
    }

    JsonNode call(String op, String body) throws Exception {
        JsonNode out = service.handle(
                op,
                JSON.readTree(body),
                new RequestContext("r", "AK", "arn:aws:iam::123456789012:root", Instant.now()));
        JsonNode output = model.path("operations").path(op).path("output").path("shape");
        if (output.isTextual()) {
            check(op, out, output.asText());
        } else {
            assertThat(out.size()).as(op + " has no output members").isZero();
        }
        return out;
    }

    void check(String path, JsonNode value, String shapeName) {
        JsonNode shape = model.path("shapes").path(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> {
                if (!value.isObject()) {
                    problems.add(path + ": not an object");
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    var e = it.next();
                    JsonNode member = shape.path("members").path(e.getKey());
                    if (member.isMissingNode()) {
                        problems.add(path + "." + e.getKey() + ": not in " + shapeName);
                    } else {
                        check(
                                path + "." + e.getKey(),
                                e.getValue(),
                                member.path("shape").asText());
                    }
                }
                shape.path("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        problems.add(path + ": required " + r.asText() + " missing");
                    }
                });
            }
            case "list" ->
                value.forEach(v ->
                        check(path + "[]", v, shape.path("member").path("shape").asText()));
            case "map" ->
                value.fields()
                        .forEachRemaining(e -> check(
                                path + "{}",
                                e.getValue(),
                                shape.path("value").path("shape").asText()));
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": not a string");
                } else if (shape.has("enum")) {
                    List<String> allowed = new ArrayList<>();
                    shape.path("enum").forEach(v -> allowed.add(v.asText()));
                    if (!allowed.contains(value.asText())) {
                        problems.add(path + ": " + value.asText() + " not in " + allowed);
                    }
                }
            }
            case "integer", "long" -> {
                if (!value.canConvertToExactIntegral()) {
                    problems.add(path + ": not a whole number");
                }
            }
            case "timestamp" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": not epoch seconds");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": not a boolean");
                }
            }
            default -> problems.add(path + ": unexpected shape type " + type);
        }
    }

    @Test
    void everyAnswerFitsTheModel() throws Exception {
        String op = call(
                        "CreatePrivateDnsNamespace",
                        "{\"Name\":\"shapes.local\",\"Vpc\":\"vpc-1\"," + "\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}")
                .get("OperationId")
                .asText();
        String nsId = call("GetOperation", "{\"OperationId\":\"" + op + "\"}")
                .at("/Operation/Targets/NAMESPACE")
                .asText();
        call("CreateHttpNamespace", "{\"Name\":\"shapes-http\"}");
        call(
                "CreatePublicDnsNamespace",
                "{\"Name\":\"shapes.example.com\",\"Properties\":" + "{\"DnsProperties\":{\"SOA\":{\"TTL\":60}}}}");
        String nsArn = call("GetNamespace", "{\"Id\":\"" + nsId + "\"}")
                .at("/Namespace/Arn")
                .asText();
        call("ListNamespaces", "{\"MaxResults\":1}");
        String svc = call(
                        "CreateService",
                        "{\"Name\":\"api\",\"NamespaceId\":\"" + nsId + "\",\"DnsConfig\":"
                                + "{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10},{\"Type\":\"SRV\",\"TTL\":10}]},"
                                + "\"HealthCheckCustomConfig\":{\"FailureThreshold\":1}}")
                .at("/Service/Id")
                .asText();
        call("GetService", "{\"Id\":\"" + svc + "\"}");
        call("ListServices", "{\"Filters\":[{\"Name\":\"NAMESPACE_ID\",\"Values\":[\"" + nsId + "\"]}]}");
        call(
                "UpdateService",
                "{\"Id\":\"" + svc + "\",\"Service\":{\"Description\":\"d\",\"DnsConfig\":"
                        + "{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":20}]}}}");
        call(
                "RegisterInstance",
                "{\"ServiceId\":\"" + svc + "\",\"InstanceId\":\"i-1\",\"Attributes\":"
                        + "{\"AWS_INSTANCE_IPV4\":\"10.0.0.1\",\"AWS_INSTANCE_PORT\":\"80\"}}");
        call("GetInstance", "{\"ServiceId\":\"" + svc + "\",\"InstanceId\":\"i-1\"}");
        call("ListInstances", "{\"ServiceId\":\"" + svc + "\"}");
        call("GetInstancesHealthStatus", "{\"ServiceId\":\"" + svc + "\"}");
        call(
                "UpdateInstanceCustomHealthStatus",
                "{\"ServiceId\":\"" + svc + "\",\"InstanceId\":\"i-1\",\"Status\":\"UNHEALTHY\"}");
        JsonNode found = call(
                "DiscoverInstances",
                "{\"NamespaceName\":\"shapes.local\",\"ServiceName\":\"api\",\"HealthStatus\":\"ALL\"}");
        assertThat(found.at("/Instances/0/HealthStatus").asText()).isEqualTo("UNHEALTHY");
        call("DiscoverInstancesRevision", "{\"NamespaceName\":\"shapes.local\",\"ServiceName\":\"api\"}");
        call("ListOperations", "{\"Filters\":[{\"Name\":\"TYPE\",\"Values\":[\"REGISTER_INSTANCE\"]}]}");
        call("TagResource", "{\"ResourceARN\":\"" + nsArn + "\",\"Tags\":[{\"Key\":\"c\",\"Value\":\"d\"}]}");
        call("ListTagsForResource", "{\"ResourceARN\":\"" + nsArn + "\"}");
        call("UntagResource", "{\"ResourceARN\":\"" + nsArn + "\",\"TagKeys\":[\"c\"]}");
        call("UpdatePrivateDnsNamespace", "{\"Id\":\"" + nsId + "\",\"Namespace\":{\"Description\":\"x\"}}");
        call("DeregisterInstance", "{\"ServiceId\":\"" + svc + "\",\"InstanceId\":\"i-1\"}");
        call("DeleteService", "{\"Id\":\"" + svc + "\"}");
        call("DeleteNamespace", "{\"Id\":\"" + nsArn + "\"}");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationAndErrorNameIsTheModels() {
        TreeSet<String> modelOps = new TreeSet<>();
        model.path("operations").fieldNames().forEachRemaining(modelOps::add);
        assertThat(modelOps).containsAll(service.operationNames());
        TreeSet<String> exceptions = new TreeSet<>();
        model.path("shapes").fields().forEachRemaining(e -> {
            if (e.getValue().path("exception").asBoolean()) {
                exceptions.add(e.getKey());
            }
        });
        for (CloudMapError kind : CloudMapError.values()) {
            assertThat(exceptions).as("model exceptions").contains(kind.wireName());
        }
    }

    @Test
    void missingMembersAreInvalidInputNamingTheMember() {
        try {
            call("GetNamespace", "{}");
            throw new AssertionError("no error");
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(CloudMapError.INVALID_INPUT);
            assertThat(e.getMessage()).contains("Id");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
