package dev.gantry.core.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a container image reference against the Docker reference grammar:
 * {@code [registry[:port]/]repository[:tag][@algorithm:hex]}, repository path lowercase.
 * Returns what is wrong, or empty if the reference is well formed.
 */
final class ImageReference {
    static final int MAX_LENGTH = 255;
    private static final String ALNUM = "[a-z0-9]+";
    private static final String COMPONENT = ALNUM + "(?:(?:[._]|__|-+)" + ALNUM + ")*";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final String LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN =
            Pattern.compile("(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?");
    private static final Pattern TAG = Pattern.compile("\\w[\\w.-]{0,127}");
    private static final Pattern DIGEST =
            Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final String FORM = " Use [registry/]repository[:tag] or [registry/]repository@sha256:<digest>, "
            + "for example 'nginx:1.27' or 'public.ecr.aws/docker/library/nginx:latest'.";

    private ImageReference() {}

    static Optional<String> problem(String image) {
        if (image.length() > MAX_LENGTH) {
            return Optional.of(
                    "Image reference is " + image.length() + " characters long; the maximum is " + MAX_LENGTH + ".");
        }
        if (image.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("Image '" + image + "' must not contain spaces or other whitespace.");
        }
        String rest = image;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String digest = rest.substring(at + 1);
            if (!DIGEST.matcher(digest).matches()) {
                return invalid(image, "the digest '" + digest + "' is not of the form sha256:<64 hex digits>.");
            }
            rest = rest.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            String tag = rest.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                return invalid(
                        image,
                        "the tag '" + tag + "' must be 1 to 128 letters, digits, '_', '.' or '-' "
                                + "and must not start with '.' or '-'.");
            }
            rest = rest.substring(0, colon);
        }
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0 && isRegistry(rest.substring(0, slash))) {
            String registry = rest.substring(0, slash);
            if (!DOMAIN.matcher(registry).matches()) {
                return invalid(image, "the registry '" + registry + "' is not a host name with an optional port.");
            }
            path = rest.substring(slash + 1);
        }
        if (PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        if (path.isEmpty()) {
            return invalid(image, "the repository name is missing.");
        }
        if (PATH.matcher(path.toLowerCase(Locale.ROOT)).matches()) {
            return invalid(image, "the repository name '" + path + "' must be lowercase.");
        }
        return invalid(
                image,
                "the repository name '" + path + "' may contain only lowercase letters, digits and "
                        + "single separators ('.', '_', '__', '-') between path components separated by '/'.");
    }

    /** Docker's rule: the first component names a registry if it looks like a host (has '.' or ':', or is localhost). */
    private static boolean isRegistry(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    private static Optional<String> invalid(String image, String why) {
        return Optional.of("Image '" + image + "' is not a valid image reference: " + why + FORM);
    }
}
