package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.RegistryAuth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fake's private images: the credentials each one needs, and the refusal a registry with basic auth gives
 * other credentials (as the engine words a 401). Guarded by the driver's lock.
 */
final class FakeRegistry {
    static final String UNAUTHORIZED = "Head \"https://%s/v2/%s/manifests/%s\": unauthorized: authentication required";
    static final String NO_CREDENTIALS = "Head \"https://%s/v2/%s/manifests/%s\": no basic auth credentials";

    private final Map<String, RegistryAuth> privateImages = new LinkedHashMap<>();

    void require(String image, RegistryAuth auth) {
        privateImages.put(image, auth);
    }

    boolean isPrivate(String image) {
        return privateImages.containsKey(image);
    }

    /** Why a pull of {@code image} with {@code auth} is refused; empty when it is allowed. */
    Optional<String> refusal(String image, Optional<RegistryAuth> auth) {
        RegistryAuth needed = privateImages.get(image);
        if (needed == null || auth.filter(needed::equals).isPresent()) {
            return Optional.empty();
        }
        int slash = image.indexOf('/');
        int tag = image.lastIndexOf(':');
        String host = slash > 0 ? image.substring(0, slash) : "registry-1.docker.io";
        String repository = image.substring(slash + 1, tag > slash ? tag : image.length());
        String reference = tag > slash ? image.substring(tag + 1) : "latest";
        return Optional.of(
                String.format(auth.isPresent() ? UNAUTHORIZED : NO_CREDENTIALS, host, repository, reference));
    }
}
