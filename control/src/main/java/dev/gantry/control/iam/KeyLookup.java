package dev.gantry.control.iam;

import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.SessionStore;
import dev.gantry.store.iam.StoredSession;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored keys that may sign a request: an IAM user's Active access key ({@code AKIA…}, acting as the user's ARN)
 * and an STS session's key ({@code ASIA…}, acting as the assumed-role ARN, good only with its token and until it
 * expires — the verifier checks both). Gantry's admin keys are not here: the server puts them first.
 */
public final class KeyLookup {

    /** A key, its secret, the ARN it acts as, and for a session its token and end. */
    public record SigningKey(
            String accessKeyId,
            String secretAccessKey,
            String principalArn,
            Optional<String> sessionToken,
            Optional<Instant> expiration) {
        public SigningKey {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(principalArn, "principalArn");
            Objects.requireNonNull(sessionToken, "sessionToken");
            Objects.requireNonNull(expiration, "expiration");
        }

        @Override
        public String toString() {
            return "SigningKey[accessKeyId=" + accessKeyId + ", principalArn=" + principalArn + "]";
        }
    }

    private final IamStore store;
    private final SessionStore sessions;

    public KeyLookup(IamStore store, SessionStore sessions) {
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    public Optional<SigningKey> find(String accessKeyId) {
        if (accessKeyId.startsWith("ASIA")) {
            return sessions.find(accessKeyId)
                    .filter(this::ofCurrentRole)
                    .map(s -> new SigningKey(
                            s.accessKeyId(),
                            s.secret(),
                            s.sessionArn(),
                            Optional.of(s.token()),
                            Optional.of(s.expiration())));
        }
        return store.key(accessKeyId)
                .filter(k -> k.active())
                .flatMap(k -> store.user(k.userName())
                        .map(u -> new SigningKey(k.id(), k.secret(), u.arn(), Optional.empty(), Optional.empty())));
    }

    /** A session is good only while the very role it was issued for exists (same ARN, same unique id). */
    private boolean ofCurrentRole(StoredSession s) {
        return currentRole(store, s);
    }

    static boolean currentRole(IamStore store, StoredSession s) {
        CallerArn arn = CallerArn.parse(s.roleArn());
        return arn.kind() == CallerArn.Kind.ROLE
                && store.role(arn.name())
                        .filter(r -> r.arn().equals(s.roleArn()) && r.roleId().equals(s.roleId()))
                        .isPresent();
    }
}
