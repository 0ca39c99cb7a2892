package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.gantry.runtime.spi.RuntimeError;
import java.net.URI;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

    @Test
    void extractsDockersMessageFromTheJsonBody() {
        String raw = "Status 404: {\"message\":\"pull access denied for x, repository does not exist or may "
                + "require 'docker login': denied: requested access to the resource is denied\"}\n";
        assertThat(DockerErrors.message(raw))
                .isEqualTo("pull access denied for x, repository does not exist or "
                        + "may require 'docker login': denied: requested access to the resource is denied");
    }

    @Test
    void unescapesJson() {
        assertThat(DockerErrors.message("Status 500: {\"message\":\"a \\\"b\\\"\\n\\u0041\"}"))
                .isEqualTo("a \"b\"\nA");
    }

    @Test
    void keepsPlainTextAsIs() {
        assertThat(DockerErrors.message("  Could not pull image: manifest unknown "))
                .isEqualTo("Could not pull image: manifest unknown");
    }

    @Test
    void namedErrorsCarryKindAndRetryable() {
        RuntimeError e = DockerErrors.of(
                RuntimeError.Kind.CANNOT_PULL_CONTAINER,
                new NotFoundException("{\"message\":\"no such image\"}"),
                false);
        assertThat(e.kind()).isEqualTo(RuntimeError.Kind.CANNOT_PULL_CONTAINER);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("no such image");
    }

    @Test
    void engineUnavailableTellsTheUserWhatToDo() {
        RuntimeError e = DockerErrors.engineUnavailable(
                URI.create("unix:///var/run/docker.sock"), new java.io.IOException("connection refused"));
        assertThat(e.kind()).isEqualTo(RuntimeError.Kind.ENGINE_UNAVAILABLE);
        assertThat(e.getMessage())
                .contains("unix:///var/run/docker.sock", "connection refused", "systemctl start docker", "DOCKER_HOST");
    }
}
