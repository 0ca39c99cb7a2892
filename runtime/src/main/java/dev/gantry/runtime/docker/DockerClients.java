package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.net.URI;
import java.time.Duration;

/**
 * Builds the engine client. The host comes from docker-java's defaults (DOCKER_HOST, ~/.docker-java.properties,
 * else the local socket), so a remote or non-default Docker works by exporting DOCKER_HOST. No response timeout:
 * event and log streams stay open for as long as containers live; calls that must be bounded are bounded by their
 * caller.
 */
final class DockerClients {

    /** Every followed log stream and the events stream hold a connection; this bounds them generously. */
    static final int MAX_CONNECTIONS = 4096;

    private DockerClients() {}

    record Connection(DockerClient client, URI host) {}

    static Connection connect() {
        DockerClientConfig config =
                DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return new Connection(DockerClientImpl.getInstance(config, http), config.getDockerHost());
    }
}
