package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.RegistryAuth;
import dev.gantry.runtime.spi.RuntimeError;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an image present locally: no pull when it is there already; a bounded pull otherwise. With registry
 * credentials it always pulls, authenticated, so the registry (not the local cache) decides whether they may read
 * the image.
 */
final class ImagePuller {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);

    private final DockerClient docker;
    private final Duration timeout;

    ImagePuller(DockerClient docker, Duration timeout) {
        this.docker = docker;
        this.timeout = timeout;
    }

    /** The local image id (sha256:...) of {@code image}, pulling it first if needed. */
    String ensure(String image, PullProgress progress) {
        return ensure(image, Optional.empty(), progress);
    }

    /** As {@link #ensure(String, PullProgress)}; with {@code auth}, always an authenticated pull. */
    String ensure(String image, Optional<RegistryAuth> auth, PullProgress progress) {
        ImageReference ref;
        try {
            ref = ImageReference.parse(image);
        } catch (IllegalArgumentException e) {
            throw DockerErrors.of(RuntimeError.Kind.CANNOT_PULL_CONTAINER, e.getMessage(), false);
        }
        if (auth.isEmpty()) {
            String local = localId(image);
            if (local != null) {
                return local;
            }
        }
        pull(image, ref, auth, progress);
        String pulled = localId(ref.canonical());
        if (pulled == null) {
            throw DockerErrors.of(
                    RuntimeError.Kind.CANNOT_PULL_CONTAINER,
                    "image " + image + " is not present after a successful pull",
                    true);
        }
        LOG.atInfo().addKeyValue("image", image).addKeyValue("imageId", pulled).log("pulled image");
        return pulled;
    }

    private String localId(String image) {
        try {
            return docker.inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            // An invalid reference is reported by inspect as a 400; the pull below then reports Docker's wording.
            return null;
        }
    }

    private void pull(String image, ImageReference ref, Optional<RegistryAuth> auth, PullProgress progress) {
        PullCallback callback = new PullCallback(image, progress);
        try {
            var cmd = docker.pullImageCmd(ref.repository()).withTag(ref.tagOrDigest());
            auth.ifPresent(a -> cmd.withAuthConfig(new AuthConfig()
                    .withRegistryAddress(registry(ref.repository()))
                    .withUsername(a.username())
                    .withPassword(a.password())));
            cmd.exec(callback);
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw DockerErrors.of(
                        RuntimeError.Kind.CANNOT_PULL_CONTAINER,
                        "pulling " + image + " did not finish within " + timeout,
                        true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DockerErrors.of(RuntimeError.Kind.CANNOT_PULL_CONTAINER, "interrupted pulling " + image, true);
        } catch (RuntimeError e) {
            throw e;
        } catch (RuntimeException e) {
            throw DockerErrors.of(RuntimeError.Kind.CANNOT_PULL_CONTAINER, e, !(e instanceof NotFoundException));
        } finally {
            closeQuietly(callback);
        }
        if (callback.failure.get() != null) {
            Throwable f = callback.failure.get();
            throw DockerErrors.of(RuntimeError.Kind.CANNOT_PULL_CONTAINER, f, !(f instanceof NotFoundException));
        }
        if (callback.error.get() != null) {
            throw DockerErrors.of(RuntimeError.Kind.CANNOT_PULL_CONTAINER, callback.error.get(), true);
        }
    }

    /** The registry host of a repository ({@code host[:port]/path}), or Docker Hub's when it names none. */
    static String registry(String repository) {
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "https://index.docker.io/v1/";
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a finished stream
        }
    }

    /** Forwards statuses; keeps the first error from the stream or the transport instead of throwing it. */
    private static final class PullCallback extends ResultCallback.Adapter<PullResponseItem> {
        final AtomicReference<String> error = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final String image;
        private final PullProgress progress;

        PullCallback(String image, PullProgress progress) {
            this.image = image;
            this.progress = progress;
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                error.compareAndSet(null, item.getErrorDetail().getMessage());
            } else if (item.getStatus() != null) {
                String id = item.getId() == null ? "" : item.getId() + ": ";
                var detail = item.getProgressDetail();
                String bytes = detail == null || detail.getTotal() == null || detail.getTotal() <= 0
                        ? ""
                        : " " + detail.getCurrent() + "/" + detail.getTotal();
                progress.update(image, id + item.getStatus() + bytes);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failure.compareAndSet(null, throwable);
            try {
                super.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
