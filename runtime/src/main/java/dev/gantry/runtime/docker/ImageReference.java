package dev.gantry.runtime.docker;

import java.util.Optional;

/**
 * An image reference split the way the engine's pull API wants it: {@code repository} (with any registry host and
 * port) plus a tag or a digest. {@code busybox} → {@code busybox:latest}; {@code 127.0.0.1:5000/app:1} → repository
 * {@code 127.0.0.1:5000/app}, tag {@code 1}; {@code repo@sha256:...} → digest; a digest wins over a tag.
 */
record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {

    static final String DEFAULT_TAG = "latest";

    ImageReference {
        if (repository.isBlank()) {
            throw new IllegalArgumentException("empty image repository");
        }
        if (tag.isPresent() == digest.isPresent()) {
            throw new IllegalArgumentException("exactly one of tag and digest: " + tag + " " + digest);
        }
    }

    static ImageReference parse(String image) {
        String s = image.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty image reference");
        }
        int at = s.indexOf('@');
        if (at >= 0) {
            String digest = s.substring(at + 1);
            return new ImageReference(stripTag(s.substring(0, at)), Optional.empty(), Optional.of(digest));
        }
        int colon = tagColon(s);
        if (colon < 0) {
            return new ImageReference(s, Optional.of(DEFAULT_TAG), Optional.empty());
        }
        return new ImageReference(s.substring(0, colon), Optional.of(s.substring(colon + 1)), Optional.empty());
    }

    /** What goes in the pull API's {@code tag} parameter: the digest if there is one, else the tag. */
    String tagOrDigest() {
        return digest.orElseGet(tag::orElseThrow);
    }

    /** {@code repository:tag} or {@code repository@digest}. */
    String canonical() {
        return digest.map(d -> repository + "@" + d).orElseGet(() -> repository + ":" + tag.orElseThrow());
    }

    private static String stripTag(String name) {
        int colon = tagColon(name);
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** A tag's colon comes after the last slash; an earlier colon belongs to a registry port. */
    private static int tagColon(String name) {
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? colon : -1;
    }
}
