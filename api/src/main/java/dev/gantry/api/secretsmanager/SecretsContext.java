package dev.gantry.api.secretsmanager;

import dev.gantry.control.rotation.SecretRotator;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretMessages;
import dev.gantry.store.secret.NewVersion;
import dev.gantry.store.secret.SecretStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the Secrets Manager handlers share: the store, the region and account for ARNs, the clock and id source, and
 * the rotation driver. {@link #change} is the read-decide-write loop every mutation goes through.
 */
record SecretsContext(SecretStore store, Arns arns, IdSource ids, InstantSource clock, SecretRotator rotator) {

    private static final int ATTEMPTS = 10;

    /** A change: the secret after it, and the new version to store with it, if any. */
    record Change(Secret after, Optional<NewVersion> value) {
        static Change of(Secret after) {
            return new Change(after, Optional.empty());
        }
    }

    public String region() {
        return arns.region();
    }

    public String accountId() {
        return arns.accountId();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The secret a SecretId names, or ResourceNotFoundException. */
    Secret find(String secretId) {
        return store.find(secretId).orElseThrow(SecretMessages::notFound);
    }

    /** As {@link #find}, refusing a secret scheduled for deletion with InvalidRequestException. */
    Secret live(String secretId) {
        Secret s = find(secretId);
        if (s.scheduledForDeletion()) {
            throw SecretMessages.markedForDeletion();
        }
        return s;
    }

    /**
     * Reads the secret, asks {@code decide} for the change and writes it if nobody changed the secret meanwhile;
     * else reads again. {@code decide} may throw an ApiException, or return empty for "nothing to write".
     */
    Secret change(String secretId, Function<Secret, Optional<Change>> decide) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Secret before = find(secretId);
            Optional<Change> change = decide.apply(before);
            if (change.isEmpty()) {
                return before;
            }
            if (store.save(before, change.get().after(), change.get().value())) {
                return change.get().after();
            }
        }
        throw new ApiException(ErrorCode.THROTTLING, "The secret is being changed by other requests; retry.");
    }

    /** A new version id: a UUID, as the SDKs generate a ClientRequestToken. */
    String newVersionId() {
        return ids.uuid();
    }
}
