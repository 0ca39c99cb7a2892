package dev.gantry.control.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The ids in the endpoint URIs: stable under one key, different under another, shaped as ECS's. */
class EndpointIdsTest {
    private final EndpointIds ids = new EndpointIds(EndpointFixtures.KEY);

    @Test
    void theSameKeyDerivesTheSameIdsAfterARestart() {
        EndpointIds again = new EndpointIds(EndpointFixtures.KEY.clone());
        assertThat(again.metadataId("abc", "web")).isEqualTo(ids.metadataId("abc", "web"));
        assertThat(again.credentialsId("arn:task/1")).isEqualTo(ids.credentialsId("arn:task/1"));
    }

    @Test
    void idsDependOnTheKeyTaskAndContainer() {
        EndpointIds other = new EndpointIds("another-key-another-key-another!!".getBytes());
        assertThat(other.metadataId("abc", "web")).isNotEqualTo(ids.metadataId("abc", "web"));
        assertThat(ids.metadataId("abc", "web")).isNotEqualTo(ids.metadataId("abc", "sidecar"));
        assertThat(ids.metadataId("abc", "web")).isNotEqualTo(ids.metadataId("abd", "web"));
        assertThat(ids.credentialsId("arn:task/1")).isNotEqualTo(ids.credentialsId("arn:task/2"));
    }

    @Test
    void shapes() {
        assertThat(ids.metadataId("0123456789abcdef0123456789abcdef", "web"))
                .matches("0123456789abcdef0123456789abcdef-[0-9a-f]{32}");
        assertThat(ids.credentialsId("arn:task/1"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new EndpointIds(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
