package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.control.discovery.DiscoverySnapshot;
import dev.gantry.core.servicediscovery.HealthStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.CustomHealthNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.CustomHealthStatus;
import software.amazon.awssdk.services.servicediscovery.model.DuplicateRequestException;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatusFilter;
import software.amazon.awssdk.services.servicediscovery.model.HttpInstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.InstanceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.InvalidInputException;
import software.amazon.awssdk.services.servicediscovery.model.Namespace;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceAlreadyExistsException;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceFilterName;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceType;
import software.amazon.awssdk.services.servicediscovery.model.Operation;
import software.amazon.awssdk.services.servicediscovery.model.OperationNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.OperationStatus;
import software.amazon.awssdk.services.servicediscovery.model.RecordType;
import software.amazon.awssdk.services.servicediscovery.model.ResourceInUseException;
import software.amazon.awssdk.services.servicediscovery.model.ResourceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.RoutingPolicy;
import software.amazon.awssdk.services.servicediscovery.model.Service;
import software.amazon.awssdk.services.servicediscovery.model.ServiceAlreadyExistsException;
import software.amazon.awssdk.services.servicediscovery.model.ServiceDiscoveryException;
import software.amazon.awssdk.services.servicediscovery.model.ServiceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.TooManyTagsException;

/**
 * Cloud Map through the AWS SDK for Java v2 and the AWS CLI v2 against a real server: namespaces, services,
 * instances, health, DiscoverInstances, operations that go SUBMITTED → PENDING → SUCCESS, tags, Cloud Map's error
 * names for bad input (never a 500), and the DNS read seam following every change.
 */
class CloudMapIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGantry g;
    private static ServiceDiscoveryClient sd;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        sd = ServiceDiscoveryClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(TestGantry.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                // DiscoverInstances' endpoint carries the host prefix "data-" (data-127.0.0.1 resolves nowhere)
                .overrideConfiguration(
                        c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @AfterAll
    static void stop() {
        sd.close();
    }

    /** Polls GetOperation until it finishes, as clients (Terraform's provider) do; returns the statuses seen. */
    private static List<OperationStatus> await(String operationId) throws InterruptedException {
        List<OperationStatus> seen = new java.util.ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Operation op = sd.getOperation(b -> b.operationId(operationId)).operation();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != op.status()) {
                seen.add(op.status());
            }
            if (op.status() == OperationStatus.SUCCESS || op.status() == OperationStatus.FAIL) {
                return seen;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("operation " + operationId + " did not finish: " + seen);
    }

    private static String namespaceId(String operationId) throws InterruptedException {
        await(operationId);
        return sd.getOperation(b -> b.operationId(operationId))
                .operation()
                .targetsAsStrings()
                .get("NAMESPACE");
    }

    @Test
    void aPrivateNamespaceServiceAndInstancesAreDiscoverableAndFeedTheDnsView() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        g.server.cloudMap().view().onChange(nudges::incrementAndGet);

        String op = sd.createPrivateDnsNamespace(b -> b.name("it-sdk.local")
                        .vpc("vpc-gantry")
                        .creatorRequestId("it-sdk-1")
                        .tags(t -> t.key("team").value("core")))
                .operationId();
        List<OperationStatus> statuses = await(op);
        assertThat(statuses).first().isIn(OperationStatus.SUBMITTED, OperationStatus.PENDING);
        assertThat(statuses).last().isEqualTo(OperationStatus.SUCCESS);
        Operation done = sd.getOperation(b -> b.operationId(op)).operation();
        assertThat(done.typeAsString()).isEqualTo("CREATE_NAMESPACE");
        String nsId = done.targetsAsStrings().get("NAMESPACE");
        assertThat(nsId).matches("ns-[0-9a-f]{16}");
        // the same CreatorRequestId answers with the same operation
        assertThat(sd.createPrivateDnsNamespace(
                                b -> b.name("it-sdk.local").vpc("vpc-gantry").creatorRequestId("it-sdk-1"))
                        .operationId())
                .isEqualTo(op);

        Namespace ns = sd.getNamespace(b -> b.id(nsId)).namespace();
        assertThat(ns.type()).isEqualTo(NamespaceType.DNS_PRIVATE);
        assertThat(ns.arn()).endsWith(":namespace/" + nsId).startsWith("arn:aws:servicediscovery:us-east-1:");
        assertThat(ns.properties().dnsProperties().soa().ttl()).isEqualTo(15L);
        assertThat(ns.properties().httpProperties().httpName()).isEqualTo("it-sdk.local");
        assertThat(sd.listTagsForResource(b -> b.resourceARN(ns.arn())).tags())
                .singleElement()
                .satisfies(t -> assertThat(t.key()).isEqualTo("team"));
        assertThat(sd.listNamespaces(b -> b.filters(f -> f.name(NamespaceFilterName.TYPE)
                                .values("DNS_PRIVATE")
                                .condition("EQ")))
                        .namespaces())
                .anySatisfy(n -> assertThat(n.id()).isEqualTo(nsId));

        Service svc = sd.createService(b -> b.name("backend")
                        .namespaceId(nsId)
                        .dnsConfig(d -> d.routingPolicy(RoutingPolicy.MULTIVALUE)
                                .dnsRecords(
                                        r -> r.type(RecordType.A).ttl(10L),
                                        r -> r.type(RecordType.SRV).ttl(10L)))
                        .healthCheckCustomConfig(h -> h.failureThreshold(1)))
                .service();
        assertThat(svc.id()).matches("srv-[0-9a-f]{16}");
        assertThat(svc.typeAsString()).isEqualTo("DNS_HTTP");
        assertThatThrownBy(() -> sd.createService(b -> b.name("backend").namespaceId(nsId)))
                .isInstanceOf(ServiceAlreadyExistsException.class);

        for (int i = 1; i <= 3; i++) {
            String ip = "10.99.0." + i;
            String id = "task-" + i;
            await(sd.registerInstance(b -> b.serviceId(svc.id())
                            .instanceId(id)
                            .attributes(Map.of("AWS_INSTANCE_IPV4", ip, "AWS_INSTANCE_PORT", "8080", "color", "blue")))
                    .operationId());
        }
        sd.updateInstanceCustomHealthStatus(
                b -> b.serviceId(svc.id()).instanceId("task-2").status(CustomHealthStatus.UNHEALTHY));
        assertThat(sd.getInstancesHealthStatus(b -> b.serviceId(svc.id())).statusAsStrings())
                .containsEntry("task-1", "HEALTHY")
                .containsEntry("task-2", "UNHEALTHY");
        assertThat(sd.getService(b -> b.id(svc.arn())).service().instanceCount())
                .isEqualTo(3);

        List<HttpInstanceSummary> healthy = sd.discoverInstances(
                        b -> b.namespaceName("it-sdk.local").serviceName("backend"))
                .instances();
        assertThat(healthy).extracting(HttpInstanceSummary::instanceId).containsExactly("task-1", "task-3");
        assertThat(sd.discoverInstances(b -> b.namespaceName("it-sdk.local")
                                .serviceName("backend")
                                .healthStatus(HealthStatusFilter.UNHEALTHY))
                        .instances())
                .extracting(HttpInstanceSummary::instanceId)
                .containsExactly("task-2");
        long revision = sd.discoverInstancesRevision(
                        b -> b.namespaceName("it-sdk.local").serviceName("backend"))
                .instancesRevision();

        // the DNS read seam: the namespace with its VPC, the service's TTLs, the healthy endpoints
        DiscoverySnapshot.DnsName name = g.server.cloudMap().view().snapshot().namespaces().stream()
                .filter(n -> n.id().equals(nsId))
                .findFirst()
                .orElseThrow()
                .services()
                .get(0);
        assertThat(name.healthy()).extracting(e -> e.ipv4().orElseThrow()).containsExactly("10.99.0.1", "10.99.0.3");
        assertThat(name.healthy()).allSatisfy(e -> assertThat(e.port()).contains(8080));
        assertThat(nudges.get()).isGreaterThanOrEqualTo(5);

        // the ECS registration loop's seam: health follows the task, deregistration removes it
        g.server.cloudMap().registrar().setHealth(svc.id(), "task-2", HealthStatus.HEALTHY);
        assertThat(sd.discoverInstancesRevision(
                                b -> b.namespaceName("it-sdk.local").serviceName("backend"))
                        .instancesRevision())
                .isGreaterThan(revision);

        assertThatThrownBy(() -> sd.deleteService(b -> b.id(svc.id()))).isInstanceOf(ResourceInUseException.class);
        assertThatThrownBy(() -> sd.deleteNamespace(b -> b.id(nsId))).isInstanceOf(ResourceInUseException.class);
        for (int i = 1; i <= 3; i++) {
            int n = i;
            await(sd.deregisterInstance(b -> b.serviceId(svc.id()).instanceId("task-" + n))
                    .operationId());
        }
        assertThatThrownBy(() -> sd.getInstance(b -> b.serviceId(svc.id()).instanceId("task-1")))
                .isInstanceOf(InstanceNotFoundException.class);
        sd.deleteService(b -> b.id(svc.id()));
        await(sd.deleteNamespace(b -> b.id(nsId)).operationId());
        assertThatThrownBy(() -> sd.getNamespace(b -> b.id(nsId))).isInstanceOf(NamespaceNotFoundException.class);
    }

    @Test
    void badInputGetsCloudMapErrorNamesNeverA500() throws Exception {
        String nsId =
                namespaceId(sd.createHttpNamespace(b -> b.name("it-errors")).operationId());
        assertThatThrownBy(() -> sd.createHttpNamespace(b -> b.name("it-errors")))
                .isInstanceOf(NamespaceAlreadyExistsException.class)
                .hasMessageContaining("it-errors");
        assertThatThrownBy(() -> sd.createPrivateDnsNamespace(
                        b -> b.name("it-novpc.local").vpc("vpc-nope")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("vpc-nope");
        String dupNs = namespaceId(sd.createHttpNamespace(b -> b.name("it-dup").creatorRequestId("it-errors-1"))
                .operationId());
        assertThatThrownBy(() -> sd.createHttpNamespace(b -> b.name("it-dup-2").creatorRequestId("it-errors-1")))
                .isInstanceOf(DuplicateRequestException.class);
        assertThatThrownBy(() -> sd.createPublicDnsNamespace(b -> b.name("not a domain")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> sd.getNamespace(b -> b.id("ns-0000000000000000")))
                .isInstanceOf(NamespaceNotFoundException.class);
        assertThatThrownBy(() -> sd.getService(b -> b.id("srv-0000000000000000")))
                .isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> sd.getOperation(b -> b.operationId("nope")))
                .isInstanceOf(OperationNotFoundException.class);
        assertThatThrownBy(() -> sd.createService(b -> b.name("web")
                        .namespaceId(nsId)
                        .dnsConfig(d -> d.dnsRecords(r -> r.type(RecordType.A).ttl(5L)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("HTTP namespace");
        Service web = sd.createService(b -> b.name("web").namespaceId(nsId)).service();
        assertThat(web.typeAsString()).isEqualTo("HTTP");
        assertThatThrownBy(() -> sd.updateInstanceCustomHealthStatus(
                        b -> b.serviceId(web.id()).instanceId("x").status(CustomHealthStatus.HEALTHY)))
                .isInstanceOf(InstanceNotFoundException.class);
        await(sd.registerInstance(b -> b.serviceId(web.id()).instanceId("x").attributes(Map.of("k", "v")))
                .operationId());
        assertThatThrownBy(() -> sd.updateInstanceCustomHealthStatus(
                        b -> b.serviceId(web.id()).instanceId("x").status(CustomHealthStatus.HEALTHY)))
                .isInstanceOf(CustomHealthNotFoundException.class);
        assertThatThrownBy(() -> sd.registerInstance(b ->
                        b.serviceId(web.id()).instanceId("y").attributes(Map.of("AWS_INIT_HEALTH_STATUS", "HEALTHY"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("HealthCheckCustomConfig");
        assertThatThrownBy(() -> sd.listTagsForResource(
                        b -> b.resourceARN("arn:aws:servicediscovery:us-east-1:000000000000:service/srv-none")))
                .isInstanceOf(ResourceNotFoundException.class);
        String arn = sd.getNamespace(b -> b.id(nsId)).namespace().arn();
        List<software.amazon.awssdk.services.servicediscovery.model.Tag> many = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            int n = i;
            many.add(software.amazon.awssdk.services.servicediscovery.model.Tag.builder()
                    .key("k" + n)
                    .value("v")
                    .build());
        }
        assertThatThrownBy(() -> sd.tagResource(b -> b.resourceARN(arn).tags(many)))
                .isInstanceOf(TooManyTagsException.class);
        assertThatThrownBy(() ->
                        sd.discoverInstances(b -> b.namespaceName("it-errors").serviceName("nope")))
                .isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> sd.listNamespaces(
                        b -> b.filters(f -> f.name("TYPE").values("HTTP").condition("BETWEEN"))))
                .isInstanceOfSatisfying(
                        ServiceDiscoveryException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        await(sd.deregisterInstance(b -> b.serviceId(web.id()).instanceId("x")).operationId());
        sd.deleteService(b -> b.id(web.id()));
        await(sd.deleteNamespace(b -> b.id(nsId)).operationId());
        await(sd.deleteNamespace(b -> b.id(dupNs)).operationId());
    }

    @Test
    void theAwsCliCreatesListsAndDiscovers() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        AwsCli aws = new AwsCli(g.server.endpoint());
        JsonNode created = JSON.readTree(aws.run(
                "servicediscovery", "create-private-dns-namespace", "--name", "it-cli.local", "--vpc", "vpc-gantry"));
        String nsId = namespaceId(created.get("OperationId").asText());
        JsonNode svc = JSON.readTree(aws.run(
                "servicediscovery",
                "create-service",
                "--name",
                "api",
                "--dns-config",
                "NamespaceId=" + nsId + ",RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=60}]",
                "--health-check-custom-config",
                "FailureThreshold=1"));
        String svcId = svc.at("/Service/Id").asText();
        aws.run(
                "servicediscovery",
                "register-instance",
                "--service-id",
                svcId,
                "--instance-id",
                "i-1",
                "--attributes",
                "AWS_INSTANCE_IPV4=10.98.0.1,stage=prod");
        JsonNode instances = JSON.readTree(aws.run("servicediscovery", "list-instances", "--service-id", svcId));
        assertThat(instances.at("/Instances/0/Attributes/AWS_INSTANCE_IPV4").asText())
                .isEqualTo("10.98.0.1");
        JsonNode health =
                JSON.readTree(aws.run("servicediscovery", "get-instances-health-status", "--service-id", svcId));
        assertThat(health.at("/Status/i-1").asText()).isEqualTo("HEALTHY");
        // DiscoverInstances through boto3 (the CLI v2 here cannot turn off the "data-" host prefix; boto3 can)
        String script = "import boto3, json\n"
                + "c = boto3.client('servicediscovery', endpoint_url='" + g.server.endpoint()
                + "', region_name='us-east-1')\n"
                + "r = c.discover_instances(NamespaceName='it-cli.local', ServiceName='api',"
                + " QueryParameters={'stage': 'prod'})\n"
                + "print(json.dumps([i['Attributes']['AWS_INSTANCE_IPV4'] + ' ' + i['HealthStatus']"
                + " for i in r['Instances']]))\n";
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true);
        pb.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID", TestGantry.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY,
                        "AWS_DISABLE_HOST_PREFIX_INJECTION", "true"));
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String found = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(found).isZero();
        assertThat(found).isEqualTo("[\"10.98.0.1 HEALTHY\"]");
        JsonNode services = JSON.readTree(aws.run(
                "servicediscovery",
                "list-services",
                "--filters",
                "Name=NAMESPACE_ID,Values=" + nsId + ",Condition=EQ"));
        assertThat(services.at("/Services/0/Name").asText()).isEqualTo("api");
        JsonNode ops = JSON.readTree(aws.run("servicediscovery", "list-operations"));
        assertThat(ops.get("Operations").size()).isGreaterThanOrEqualTo(2);
        Process bad = aws.process("servicediscovery", "delete-namespace", "--id", nsId)
                .start();
        String out = new String(bad.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        bad.waitFor();
        assertThat(bad.exitValue()).isNotZero();
        assertThat(out).contains("ResourceInUse");
        aws.run("servicediscovery", "deregister-instance", "--service-id", svcId, "--instance-id", "i-1");
        aws.run("servicediscovery", "delete-service", "--id", svcId);
        aws.run("servicediscovery", "delete-namespace", "--id", nsId);
    }

    @Test
    void iamDecidesOnServicediscoveryActionsPerNamespace() throws Exception {
        String nsId = namespaceId(sd.createHttpNamespace(b -> b.name("it-iam")).operationId());
        String nsArn = sd.getNamespace(b -> b.id(nsId)).namespace().arn();
        var admin = software.amazon.awssdk.services.iam.IamClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(TestGantry.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"servicediscovery:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"servicediscovery:DeleteNamespace\",\"Resource\":\"" + nsArn
                + "\"}]}";
        admin.createUser(r -> r.userName("it-cloudmap-user"));
        admin.putUserPolicy(r -> r.userName("it-cloudmap-user").policyName("p").policyDocument(policy));
        var key = admin.createAccessKey(r -> r.userName("it-cloudmap-user")).accessKey();
        try (ServiceDiscoveryClient user = ServiceDiscoveryClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                key.accessKeyId(), key.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            assertThat(user.getNamespace(b -> b.id(nsId)).namespace().name()).isEqualTo("it-iam");
            assertThatThrownBy(() -> user.deleteNamespace(b -> b.id(nsId)))
                    .isInstanceOfSatisfying(ServiceDiscoveryException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.getMessage()).contains("servicediscovery:DeleteNamespace");
                    });
        } finally {
            admin.close();
        }
        await(sd.deleteNamespace(b -> b.id(nsId)).operationId());
    }
}
