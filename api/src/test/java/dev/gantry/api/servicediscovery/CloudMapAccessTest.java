package dev.gantry.api.servicediscovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.servicediscovery.CloudMapIds;
import org.junit.jupiter.api.Test;

/** What each Cloud Map call is authorized against: namespace or service ARNs from ids or ARNs, else {@code *}. */
class CloudMapAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CloudMapAccess access =
            new CloudMapAccess(() -> new CloudMapIds(IdSource.random(), "us-east-1", "123456789012"));
    private static final String NS = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1";
    private static final String SRV = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1";

    private java.util.List<String> of(String op, String body) throws Exception {
        return access.of(op, JSON.readTree(body)).resources();
    }

    @Test
    void callsOnANamespaceOrServiceTargetItsArn() throws Exception {
        assertThat(of("GetNamespace", "{\"Id\":\"ns-1\"}")).containsExactly(NS);
        assertThat(of("DeleteNamespace", "{\"Id\":\"" + NS + "\"}")).containsExactly(NS);
        assertThat(of("CreateService", "{\"Name\":\"a\",\"DnsConfig\":{\"NamespaceId\":\"ns-1\"}}"))
                .containsExactly(NS);
        assertThat(of("GetService", "{\"Id\":\"srv-1\"}")).containsExactly(SRV);
        assertThat(of("RegisterInstance", "{\"ServiceId\":\"srv-1\",\"InstanceId\":\"i\"}"))
                .containsExactly(SRV);
        assertThat(of("UpdateInstanceCustomHealthStatus", "{\"ServiceId\":\"" + SRV + "\"}"))
                .containsExactly(SRV);
        assertThat(of("TagResource", "{\"ResourceARN\":\"" + SRV + "\"}")).containsExactly(SRV);
    }

    @Test
    void callsWithoutAResourceTargetAnything() throws Exception {
        assertThat(of("ListNamespaces", "{}")).containsExactly("*");
        assertThat(of("CreatePrivateDnsNamespace", "{\"Name\":\"x\"}")).containsExactly("*");
        assertThat(of("DiscoverInstances", "{\"NamespaceName\":\"x\",\"ServiceName\":\"y\"}"))
                .containsExactly("*");
        assertThat(of("GetOperation", "{\"OperationId\":\"o\"}")).containsExactly("*");
        assertThat(of("GetService", "{\"Id\":5}")).containsExactly("*");
    }
}
