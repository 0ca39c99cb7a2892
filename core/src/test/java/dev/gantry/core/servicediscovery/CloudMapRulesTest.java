package dev.gantry.core.servicediscovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudMapRulesTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Namespace PRIVATE = new Namespace(
            "ns-1",
            "arn:ns-1",
            "local",
            NamespaceType.DNS_PRIVATE,
            Optional.empty(),
            Optional.of("vpc-gantry"),
            Optional.of(15L),
            Optional.empty(),
            T0);
    static final Namespace HTTP = new Namespace(
            "ns-2",
            "arn:ns-2",
            "apps",
            NamespaceType.HTTP,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            T0);

    static DiscoveryService service(Optional<DnsConfig> dns, HealthCheck health) {
        return new DiscoveryService(
                "srv-1",
                "arn:srv-1",
                "ns-1",
                "backend",
                Optional.empty(),
                dns,
                health,
                "DNS_HTTP",
                Optional.empty(),
                T0);
    }

    static DnsConfig dns(RoutingPolicy p, RecordType... types) {
        return new DnsConfig(
                p, java.util.Arrays.stream(types).map(t -> new DnsRecord(t, 60)).toList());
    }

    static String code(Runnable r) {
        try {
            r.run();
            return "none";
        } catch (ApiException e) {
            return e.code().wireName();
        }
    }

    @Test
    void namespaceNamesFollowTheModelPatternPerType() {
        assertThat(CloudMapRules.namespaceName(NamespaceType.DNS_PUBLIC, "example.com"))
                .isEqualTo("example.com");
        assertThatThrownBy(() -> CloudMapRules.namespaceName(NamespaceType.DNS_PUBLIC, "bad_name"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("domain name");
        assertThat(code(() -> CloudMapRules.namespaceName(NamespaceType.HTTP, "arn:aws:x")))
                .isEqualTo("InvalidInput");
        assertThat(code(() -> CloudMapRules.namespaceName(NamespaceType.DNS_PRIVATE, "a b")))
                .isEqualTo("InvalidInput");
        assertThat(code(() -> CloudMapRules.serviceName("back end"))).isEqualTo("InvalidInput");
        assertThat(CloudMapRules.serviceName("_http._tcp")).isEqualTo("_http._tcp");
    }

    @Test
    void dnsRecordsMustFitTheNamespaceAndEachOther() {
        HealthCheck none = new HealthCheck.None();
        assertThat(code(() ->
                        CloudMapRules.dnsConfig(HTTP, Optional.of(dns(RoutingPolicy.MULTIVALUE, RecordType.A)), none)))
                .isEqualTo("InvalidInput");
        assertThat(code(() -> CloudMapRules.dnsConfig(
                        PRIVATE, Optional.of(dns(RoutingPolicy.MULTIVALUE, RecordType.A, RecordType.A)), none)))
                .isEqualTo("InvalidInput");
        assertThat(code(() -> CloudMapRules.dnsConfig(
                        PRIVATE, Optional.of(dns(RoutingPolicy.MULTIVALUE, RecordType.CNAME)), none)))
                .isEqualTo("InvalidInput");
        assertThat(code(() -> CloudMapRules.dnsConfig(
                        PRIVATE, Optional.of(dns(RoutingPolicy.MULTIVALUE, RecordType.A, RecordType.SRV)), none)))
                .isEqualTo("none");
        assertThat(code(() -> CloudMapRules.dnsConfig(PRIVATE, Optional.of(dns(RoutingPolicy.MULTIVALUE)), none)))
                .isEqualTo("InvalidInput");
        assertThat(code(() -> CloudMapRules.healthCheck(
                        PRIVATE, new HealthCheck.Route53("HTTP", Optional.empty(), Optional.empty()))))
                .isEqualTo("InvalidInput");
    }

    @Test
    void attributesMustCarryWhatTheRecordsNeedAndGiveTheInitialHealth() {
        DiscoveryService aSrv = service(
                Optional.of(dns(RoutingPolicy.MULTIVALUE, RecordType.A, RecordType.SRV)),
                new HealthCheck.Custom(Optional.empty()));
        assertThatThrownBy(() -> CloudMapRules.attributes(aSrv, Map.of(Instance.IPV4, "10.0.0.1")))
                .hasMessageContaining("AWS_INSTANCE_PORT");
        assertThat(code(() -> CloudMapRules.attributes(aSrv, Map.of(Instance.IPV4, "10.0.0.300", Instance.PORT, "80"))))
                .isEqualTo("InvalidInput");
        assertThat(code(() ->
                        CloudMapRules.attributes(aSrv, Map.of(Instance.IPV4, "10.0.0.3", Instance.PORT, "99999"))))
                .isEqualTo("InvalidInput");
        assertThat(CloudMapRules.attributes(aSrv, Map.of(Instance.IPV4, "10.0.0.3", Instance.PORT, "80")))
                .isEqualTo(HealthStatus.HEALTHY);
        assertThat(CloudMapRules.attributes(
                        aSrv,
                        Map.of(Instance.IPV4, "10.0.0.3", Instance.PORT, "80", Instance.INIT_HEALTH, "UNHEALTHY")))
                .isEqualTo(HealthStatus.UNHEALTHY);
        DiscoveryService plain =
                service(Optional.of(dns(RoutingPolicy.MULTIVALUE, RecordType.A)), new HealthCheck.None());
        assertThat(CloudMapRules.attributes(plain, Map.of(Instance.IPV4, "10.0.0.3")))
                .isEqualTo(HealthStatus.UNKNOWN);
        assertThatThrownBy(() -> CloudMapRules.attributes(
                        plain, Map.of(Instance.IPV4, "10.0.0.3", Instance.INIT_HEALTH, "HEALTHY")))
                .hasMessageContaining("HealthCheckCustomConfig");
    }

    @Test
    void tooManyTagsIsItsOwnError() {
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertThat(code(() -> CloudMapRules.tags(many, many.size()))).isEqualTo("TooManyTagsException");
    }

    @Test
    void discoveryFiltersByHealthThenQueryThenOptionalParameters() {
        Instance a = new Instance("s", "a", Map.of("v", "1", "az", "x"), Optional.empty(), HealthStatus.HEALTHY, T0);
        Instance b = new Instance("s", "b", Map.of("v", "1", "az", "y"), Optional.empty(), HealthStatus.UNHEALTHY, T0);
        Instance c = new Instance("s", "c", Map.of("v", "2"), Optional.empty(), HealthStatus.UNKNOWN, T0);
        List<Instance> all = List.of(a, b, c);
        assertThat(Discovery.select(all, "HEALTHY", Map.of(), Map.of(), 100)).containsExactly(a, c);
        assertThat(Discovery.select(all, "UNHEALTHY", Map.of(), Map.of(), 100)).containsExactly(b);
        assertThat(Discovery.select(all, "ALL", Map.of("v", "1"), Map.of("az", "y"), 100))
                .containsExactly(b);
        assertThat(Discovery.select(all, "ALL", Map.of("v", "1"), Map.of("az", "z"), 100))
                .containsExactly(a, b);
        assertThat(Discovery.select(List.of(b), "HEALTHY_OR_ELSE_ALL", Map.of(), Map.of(), 100))
                .containsExactly(b);
        assertThat(Discovery.select(all, "ALL", Map.of(), Map.of(), 2)).hasSize(2);
        assertThat(code(() -> Discovery.select(all, "SOME", Map.of(), Map.of(), 2)))
                .isEqualTo("InvalidInput");
    }

    @Test
    void operationsMoveSubmittedPendingSuccessOneStepAtATime() {
        Operation op = Operation.submitted(
                "op", OperationType.CREATE_NAMESPACE, Map.of("NAMESPACE", "ns-1"), Optional.empty(), T0);
        assertThat(op.status()).isEqualTo(OperationStatus.SUBMITTED);
        assertThat(op.advance(T0.plusMillis(10))).isEmpty();
        Operation pending = op.advance(T0.plus(Operation.STEP)).orElseThrow();
        assertThat(pending.status()).isEqualTo(OperationStatus.PENDING);
        Operation done =
                pending.advance(T0.plus(Operation.STEP.multipliedBy(2))).orElseThrow();
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(done.advance(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void filtersCheckNamesConditionsAndValueCounts() {
        assertThat(code(() ->
                        Filter.of("NAME", List.of("a"), "BETWEEN", java.util.Set.of("TYPE"), java.util.Set.of("EQ"))))
                .isEqualTo("InvalidInput");
        assertThat(code(() ->
                        Filter.of("TYPE", List.of("a", "b"), "EQ", java.util.Set.of("TYPE"), java.util.Set.of("EQ"))))
                .isEqualTo("InvalidInput");
        Filter f = Filter.of(
                "TYPE", List.of("HTTP", "DNS_PRIVATE"), "IN", java.util.Set.of("TYPE"), java.util.Set.of("EQ", "IN"));
        assertThat(f.matches("HTTP")).isTrue();
        assertThat(f.matches("DNS_PUBLIC")).isFalse();
    }
}
