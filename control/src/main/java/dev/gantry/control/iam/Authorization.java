package dev.gantry.control.iam;

import dev.gantry.store.iam.IamRole;
import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.IamTag;
import dev.gantry.store.iam.SessionStore;
import dev.gantry.store.iam.StoredSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one authorization decision, for the API (every call) and the control plane (may this execution role read that
 * secret). The account root (Gantry's admin keys) may do everything; a user gets its inline and attached policies; a
 * role, or a session of it, the role's; a session's own session policy further limits it (both must allow).
 * Adds the principal's condition keys ({@code aws:PrincipalArn}, {@code aws:username}, {@code aws:userid},
 * {@code aws:PrincipalTag/…}, {@code aws:PrincipalAccount}, {@code aws:RequestedRegion}) to the caller's.
 */
public final class Authorization {

    /** The answer: allowed, or AWS's message naming the principal, action and resource. */
    public record Verdict(boolean allowed, Optional<String> message) {
        static final Verdict ALLOWED = new Verdict(true, Optional.empty());

        static Verdict denied(String message) {
            return new Verdict(false, Optional.of(message));
        }
    }

    private final IamStore store;
    private final SessionStore sessions;
    private final PolicyEngine engine;
    private final String accountId;
    private final String region;

    public Authorization(IamStore store, SessionStore sessions, PolicyEngine engine, String accountId, String region) {
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.region = Objects.requireNonNull(region, "region");
    }

    /**
     * May {@code principalArn} (a role or user ARN) perform {@code action} on {@code resource}, with the API's rules
     * (the account root may do everything)? The control plane asks {@link #decideForRole} instead.
     */
    public Verdict decide(String principalArn, String action, String resource, Map<String, List<String>> context) {
        return decide(principalArn, Optional.empty(), action, List.of(resource), context);
    }

    /**
     * The control plane's question (may this task's execution role read that secret?): only an existing role of this
     * account, named by its exact ARN (path included), gets its policies; anything else (the account root, a user, a
     * role ARN with another path or account, a deleted role) is denied.
     */
    public Verdict decideForRole(String roleArn, String action, String resource, Map<String, List<String>> context) {
        CallerArn caller = CallerArn.parse(roleArn);
        boolean existing = caller.kind() == CallerArn.Kind.ROLE
                && caller.account().equals(accountId)
                && store.role(caller.name())
                        .filter(r -> r.arn().equals(roleArn))
                        .isPresent();
        if (!existing) {
            return Verdict.denied(IamMessages.notAuthorized(roleArn, action, resource, false));
        }
        return decide(roleArn, Optional.empty(), action, List.of(resource), context);
    }

    /**
     * The API's question: the signing key (its session policy counts when it is a session key) acting as
     * {@code principalArn}, on every resource of the call.
     */
    public Verdict decide(
            String principalArn,
            Optional<String> accessKeyId,
            String action,
            List<String> resources,
            Map<String, List<String>> context) {
        CallerArn caller = CallerArn.parse(principalArn);
        if (caller.kind() == CallerArn.Kind.ROOT && caller.account().equals(accountId)) {
            return Verdict.ALLOWED;
        }
        Map<String, List<String>> keys = new LinkedHashMap<>(context);
        List<String> policies = new ArrayList<>();
        Optional<StoredSession> stored = accessKeyId
                .filter(k -> caller.kind() == CallerArn.Kind.ASSUMED_ROLE)
                .flatMap(sessions::find)
                .filter(s -> s.sessionArn().equals(principalArn) && KeyLookup.currentRole(store, s));
        if (caller.kind() != CallerArn.Kind.ASSUMED_ROLE || stored.isPresent()) {
            // a session counts only while the very role it was issued for exists (same ARN, same unique id)
            identity(caller, principalArn, keys, policies);
        }
        Optional<String> sessionPolicy = stored.flatMap(StoredSession::sessionPolicy);
        for (String resource : resources) {
            var request = new PolicyEngine.Request(principalArn, action, resource, keys);
            PolicyEngine.Outcome outcome = engine.evaluate(policies, request);
            if (outcome != PolicyEngine.Outcome.ALLOW) {
                return Verdict.denied(IamMessages.notAuthorized(
                        principalArn, action, resource, outcome == PolicyEngine.Outcome.EXPLICIT_DENY));
            }
            if (sessionPolicy.isPresent()) {
                PolicyEngine.Outcome session = engine.evaluate(List.of(sessionPolicy.get()), request);
                if (session == PolicyEngine.Outcome.EXPLICIT_DENY) {
                    return Verdict.denied(IamMessages.notAuthorized(principalArn, action, resource, true));
                }
                if (session != PolicyEngine.Outcome.ALLOW) {
                    return Verdict.denied(IamMessages.sessionPolicyDenies(principalArn, action, resource));
                }
            }
        }
        return Verdict.ALLOWED;
    }

    /** The caller's identity-based policies and principal condition keys. */
    private void identity(
            CallerArn caller, String principalArn, Map<String, List<String>> keys, List<String> policies) {
        keys.put("aws:PrincipalArn", List.of(principalArn));
        keys.put("aws:PrincipalAccount", List.of(caller.account()));
        keys.put("aws:RequestedRegion", List.of(region));
        switch (caller.kind()) {
            case USER ->
                store.user(caller.name())
                        .filter(u -> u.arn().equals(principalArn))
                        .ifPresent(user -> {
                            keys.put("aws:username", List.of(user.name()));
                            keys.put("aws:userid", List.of(user.userId()));
                            keys.put("aws:PrincipalType", List.of("User"));
                            tags(user.tags(), keys);
                            policies.addAll(documents(user.arn()));
                        });
            case ROLE, ASSUMED_ROLE ->
                store.role(caller.name())
                        .filter(role -> caller.account().equals(accountId))
                        .filter(role -> caller.kind() == CallerArn.Kind.ASSUMED_ROLE
                                || role.arn().equals(principalArn))
                        .ifPresent(role -> {
                            String id = role.roleId()
                                    + caller.sessionName().map(s -> ":" + s).orElse("");
                            keys.put("aws:userid", List.of(id));
                            keys.put(
                                    "aws:PrincipalType",
                                    List.of(caller.kind() == CallerArn.Kind.ROLE ? "Role" : "AssumedRole"));
                            tags(role.tags(), keys);
                            policies.addAll(roleDocuments(role));
                        });
            case ROOT, OTHER -> {
                // another account's root or an unknown principal: no identity policies, so nothing is allowed
            }
        }
    }

    private List<String> roleDocuments(IamRole role) {
        return documents(role.arn());
    }

    /** Inline documents, then attached ones (customer-managed from the store, AWS-managed from the catalogue). */
    private List<String> documents(String ownerArn) {
        List<String> out = new ArrayList<>(store.inlineDocuments(ownerArn));
        for (String arn : store.attached(ownerArn)) {
            AwsManagedPolicies.document(arn)
                    .or(() -> store.policy(arn).map(p -> p.document()))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static void tags(List<IamTag> tags, Map<String, List<String>> keys) {
        tags.forEach(t -> keys.put("aws:PrincipalTag/" + t.key(), List.of(t.value())));
    }
}
