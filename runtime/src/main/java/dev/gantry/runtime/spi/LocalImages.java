package dev.gantry.runtime.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Side interface: builds small images locally, with no registry, from a static busybox on the host.
 * Used for the sandbox image, the sample task of {@code gantry up}, and test images.
 */
public interface LocalImages {

    /**
     * Builds {@code tag} FROM scratch with {@code busybox} installed at /bin (all applets linked), the given extra
     * files (path in image to content), and extra Dockerfile lines (e.g. CMD). Skips the build if the tag exists
     * and {@code rebuild} is false.
     */
    void buildBusyboxImage(
            String tag, Path busybox, Map<String, byte[]> files, List<String> dockerfileLines, boolean rebuild);

    boolean imageExists(String tag);
}
