package dev.gantry.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.taskdef.PortMapping;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.testing.TaskDefs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceConnectRulesTest {
    private static final String NS = "arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-1";

    @Test
    void aPortNameMustNameAPortMapping() {
        assertThat(ServiceConnectRules.check(config(endpoint("http", 8080)), td("http", "http")))
                .isNotNull();
        assertThatThrownBy(() -> ServiceConnectRules.check(config(endpoint("grpc", 8080)), td("http", "http")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("portName 'grpc'")
                .hasMessageContaining("portMappings");
    }

    @Test
    void atMostOneAliasPerEndpointAndUniqueNames() {
        ServiceConnect.Endpoint two = new ServiceConnect.Endpoint(
                "http",
                Optional.empty(),
                List.of(
                        new ServiceConnect.ClientAlias(80, Optional.empty()),
                        new ServiceConnect.ClientAlias(81, Optional.empty())),
                Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> ServiceConnectRules.check(config(two), td("http", "http")))
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> ServiceConnectRules.check(
                        new ServiceConnect(
                                true,
                                Optional.of(NS),
                                List.of(endpoint("http", 80), endpoint("http", 81)),
                                Optional.empty()),
                        td("http", "http")))
                .hasMessageContaining("discoveryName 'http' is used more than once");
    }

    @Test
    void aRequestTimeoutNeedsAnAppProtocol() {
        ServiceConnect.Endpoint timed = new ServiceConnect.Endpoint(
                "tcp",
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.of(new ServiceConnect.Timeout(Optional.empty(), Optional.of(5))));
        assertThatThrownBy(() -> ServiceConnectRules.check(config(timed), td("tcp", null)))
                .hasMessageContaining("perRequestTimeoutSeconds can only be set");
        assertThat(ServiceConnectRules.check(config(timed), td("tcp", "http2"))).isNotNull();
    }

    @Test
    void servicesNeedServiceConnectEnabled() {
        assertThatThrownBy(() -> ServiceConnectRules.check(
                        new ServiceConnect(false, Optional.empty(), List.of(endpoint("http", 80)), Optional.empty()),
                        td("http", "http")))
                .hasMessage(ServiceConnectRules.SERVICES_NEED_ENABLED);
    }

    private static ServiceConnect config(ServiceConnect.Endpoint e) {
        return new ServiceConnect(true, Optional.of(NS), List.of(e), Optional.empty());
    }

    private static ServiceConnect.Endpoint endpoint(String port, int aliasPort) {
        return new ServiceConnect.Endpoint(
                port,
                Optional.empty(),
                List.of(new ServiceConnect.ClientAlias(aliasPort, Optional.empty())),
                Optional.empty(),
                Optional.empty());
    }

    private static TaskDefinition td(String portName, String appProtocol) {
        TaskDefs.Task t = TaskDefs.task();
        t.container(0).portMappings = List.of(new PortMapping(8080, null, null, portName, appProtocol));
        return t.build();
    }
}
