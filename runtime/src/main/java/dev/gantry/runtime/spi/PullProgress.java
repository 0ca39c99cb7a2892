package dev.gantry.runtime.spi;

/** Progress of an image pull, reported as the engine streams it. */
@FunctionalInterface
public interface PullProgress {
    void update(String image, String status);

    PullProgress NONE = (image, status) -> {};
}
