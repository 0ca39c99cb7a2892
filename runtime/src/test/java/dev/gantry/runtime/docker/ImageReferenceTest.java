package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "busybox, busybox, latest, busybox:latest",
        "busybox:1.36, busybox, 1.36, busybox:1.36",
        "library/nginx, library/nginx, latest, library/nginx:latest",
        "127.0.0.1:5000/app:1, 127.0.0.1:5000/app, 1, 127.0.0.1:5000/app:1",
        "127.0.0.1:5000/app, 127.0.0.1:5000/app, latest, 127.0.0.1:5000/app:latest",
        "localhost:5000/team/app:v2-rc, localhost:5000/team/app, v2-rc, localhost:5000/team/app:v2-rc",
        "public.ecr.aws/nginx/nginx:stable, public.ecr.aws/nginx/nginx, stable, public.ecr.aws/nginx/nginx:stable",
        "gantry-does-not-exist.invalid/none:1, gantry-does-not-exist.invalid/none, 1, gantry-does-not-exist.invalid/none:1",
    })
    void tags(String image, String repository, String tag, String canonical) {
        ImageReference ref = ImageReference.parse(image);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).contains(tag);
        assertThat(ref.digest()).isEmpty();
        assertThat(ref.tagOrDigest()).isEqualTo(tag);
        assertThat(ref.canonical()).isEqualTo(canonical);
    }

    @Test
    void digestWinsAndDropsTheTag() {
        String digest = "sha256:" + "a".repeat(64);
        ImageReference plain = ImageReference.parse("repo@" + digest);
        assertThat(plain).isEqualTo(new ImageReference("repo", Optional.empty(), Optional.of(digest)));
        assertThat(plain.canonical()).isEqualTo("repo@" + digest);

        ImageReference tagged = ImageReference.parse("127.0.0.1:5000/app:1@" + digest);
        assertThat(tagged.repository()).isEqualTo("127.0.0.1:5000/app");
        assertThat(tagged.tagOrDigest()).isEqualTo(digest);
    }

    @Test
    void emptyIsRejected() {
        assertThatThrownBy(() -> ImageReference.parse("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
