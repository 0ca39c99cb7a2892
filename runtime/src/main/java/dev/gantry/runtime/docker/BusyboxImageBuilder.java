package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.gantry.runtime.spi.RuntimeError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds small images FROM scratch with no registry: a static busybox at /bin with every applet linked, extra
 * files, extra Dockerfile lines. The build context is an in-memory tar; the image is labelled gantry.managed=true.
 */
final class BusyboxImageBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(BusyboxImageBuilder.class);

    private final DockerClient docker;
    private final Duration timeout;

    BusyboxImageBuilder(DockerClient docker, Duration timeout) {
        this.docker = docker;
        this.timeout = timeout;
    }

    boolean imageExists(String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    void build(String tag, Path busybox, Map<String, byte[]> files, List<String> dockerfileLines, boolean rebuild) {
        if (!rebuild && imageExists(tag)) {
            return;
        }
        byte[] context = context(readBusybox(busybox), files, dockerfileLines);
        try {
            String id = docker.buildImageCmd()
                    .withTarInputStream(new ByteArrayInputStream(context))
                    .withTags(Set.of(tag))
                    .withLabels(Map.of(Names.LABEL_MANAGED, "true"))
                    .withPull(false)
                    .withRemove(true)
                    .exec(new BuildImageResultCallback())
                    .awaitImageId(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.atInfo().addKeyValue("tag", tag).addKeyValue("imageId", id).log("built local image");
        } catch (RuntimeException e) {
            throw DockerErrors.of(RuntimeError.Kind.CANNOT_PULL_CONTAINER, e, false);
        }
    }

    /** The build context: a Dockerfile and a root filesystem tree copied into the image in one layer. */
    static byte[] context(byte[] busybox, Map<String, byte[]> files, List<String> dockerfileLines) {
        StringBuilder dockerfile = new StringBuilder()
                .append("FROM scratch\n")
                .append("COPY rootfs/ /\n")
                .append("RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n");
        dockerfileLines.forEach(line -> dockerfile.append(line).append('\n'));
        TarWriter tar = new TarWriter()
                .file("Dockerfile", dockerfile.toString().getBytes(StandardCharsets.UTF_8), 0644)
                .directory("rootfs/tmp", 01777)
                .file("rootfs/bin/busybox", busybox, 0755);
        new TreeMap<>(files).forEach((path, content) -> tar.file("rootfs/" + strip(path), content, 0755));
        return tar.finish();
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static byte[] readBusybox(Path busybox) {
        try {
            return Files.readAllBytes(busybox);
        } catch (IOException e) {
            throw DockerErrors.of(
                    RuntimeError.Kind.CANNOT_PULL_CONTAINER,
                    "cannot read a static busybox at " + busybox + " (" + e
                            + "); install it (Debian/Ubuntu: apt-get install busybox-static)",
                    false);
        }
    }
}
