package dev.gantry.control.inject;

/**
 * The stop reasons of a task whose inputs could not be had, worded as Fargate (platform 1.4) words them, so
 * searches for Fargate's text find the cause: {@code ResourceInitializationError: unable to pull secrets or
 * registry auth: execution resource retrieval failed: unable to retrieve secret from asm: ...}.
 */
final class InjectionMessages {
    private InjectionMessages() {}

    static final String SECRETS = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: ";
    static final String ENV_FILES = "ResourceInitializationError: failed to download env files: ";

    /** A Secrets Manager secret could not be read. */
    static String secret(String valueFrom, String why) {
        return SECRETS + "unable to retrieve secret from asm: failed to fetch secret " + valueFrom
                + " from secrets manager: " + why;
    }

    /** The secret is not a JSON object with this key. */
    static String jsonKey(String valueFrom, String key, String why) {
        return SECRETS + "unable to retrieve secret from asm: retrieved secret " + valueFrom
                + " from Secrets Manager did not contain json key " + key + " (" + why + ")";
    }

    /** An SSM parameter could not be read; Fargate lists missing ones as "invalid parameters". */
    static String parameter(String valueFrom, Lookup failure) {
        String why = failure instanceof Lookup.NotFound n
                ? "invalid parameters: " + valueFrom + " (" + n.message() + ")"
                : "failed to fetch parameter " + valueFrom + ": " + failure.failure();
        return SECRETS + "unable to retrieve secrets from ssm: " + why;
    }

    /** The private registry's credentials secret could not be read or is not usable. */
    static String registryAuth(String credentialsParameter, String why) {
        return SECRETS + "unable to get registry auth from asm: failed to fetch secret " + credentialsParameter
                + " from secrets manager: " + why;
    }

    static final String NOT_USERNAME_PASSWORD =
            "the secret is not a JSON object with string members \"username\" and \"password\"";

    /** An environment file could not be read. */
    static String envFile(String arn, String why) {
        return ENV_FILES + "file download command: non empty error stream: " + why + " (" + arn + ")";
    }

    /** An environment file has a line Docker's env-file format refuses. */
    static String envFileFormat(String arn, String why) {
        return ENV_FILES + "invalid env file " + arn + ": " + why;
    }
}
