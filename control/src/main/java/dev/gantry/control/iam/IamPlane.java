package dev.gantry.control.iam;

import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.SessionStore;
import java.time.InstantSource;
import java.util.Objects;

/**
 * IAM below the wire, wired once: the operations (IAM API), role sessions (STS, and task-role credentials for the
 * credentials endpoint: {@link RoleSessions#issue}), the authorization decision (the API's enforcement and the
 * control plane's questions: {@link Authorization#decide}), and the key look-up the SigV4 verifier uses.
 */
public record IamPlane(IamOperations operations, RoleSessions sessions, Authorization authorization, KeyLookup keys) {

    public IamPlane {
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(keys, "keys");
    }

    public static IamPlane create(
            IamStore store,
            SessionStore sessionStore,
            PolicyEngine engine,
            IamIds ids,
            InstantSource clock,
            String accountId,
            String region) {
        return new IamPlane(
                new IamOperations(store, engine, ids, clock, accountId),
                new RoleSessions(store, sessionStore, engine, ids, clock),
                new Authorization(store, sessionStore, engine, accountId, region),
                new KeyLookup(store, sessionStore));
    }
}
