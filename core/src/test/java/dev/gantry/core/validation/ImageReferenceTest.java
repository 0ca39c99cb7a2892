package dev.gantry.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void acceptsDigests() {
        assertThat(ImageReference.problem("nginx@" + DIGEST)).isEmpty();
        assertThat(ImageReference.problem("nginx:1.27@" + DIGEST)).isEmpty();
        assertThat(ImageReference.problem("public.ecr.aws/x/y@" + DIGEST)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nginx",
                "nginx:1.27",
                "nginx:latest",
                "library/nginx",
                "docker.io/library/nginx:1.27-alpine",
                "public.ecr.aws/docker/library/nginx:latest",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:v1.2.3",
                "localhost/app",
                "localhost:5000/app:dev",
                "registry.example.com:5000/team/app",
                "my_app",
                "my__app",
                "my-app",
                "my---app",
                "a.b",
                "[::1]:5000/app",
                "Registry.Example.com/app",
                "app:V1_x.y-z"
            })
    void acceptsWellFormedReferences(String image) {
        assertThat(ImageReference.problem(image)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "nginx latest|must not contain spaces",
                "\" nginx\"|must not contain spaces",
                "ghcr.io/Owner/x|'Owner/x' must be lowercase",
                "MyOrg/app|the repository name 'MyOrg/app' must be lowercase",
                "Nginx:1.27|the repository name 'Nginx' must be lowercase",
                "docker.io/Library/nginx|'Library/nginx' must be lowercase",
                "nginx:|the tag '' must be 1 to 128",
                "nginx:-bad|the tag '-bad'",
                "nginx@sha256:abc|the digest 'sha256:abc'",
                "nginx@|the digest ''",
                ":latest|the repository name is missing",
                "-nginx|may contain only lowercase letters",
                "nginx-|may contain only lowercase letters",
                "a..b|may contain only lowercase letters",
                "app//x|may contain only lowercase letters",
                "my_.app|may contain only lowercase letters",
                "bad_host.com/app|the registry 'bad_host.com'",
                "-host.com/app|the registry '-host.com'"
            })
    void explainsMalformedReferences(String image, String phrase) {
        assertThat(ImageReference.problem(image))
                .hasValueSatisfying(p -> assertThat(p).contains(phrase));
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 300})
    void limitsLength(int length) {
        String image = "a".repeat(length);
        assertThat(ImageReference.problem(image))
                .hasValueSatisfying(p -> assertThat(p).contains("maximum is 255"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 255})
    void acceptsLengthsUpTo255(int length) {
        assertThat(ImageReference.problem("a".repeat(length))).isEmpty();
    }
}
