package dev.gantry.control.iam;

import dev.gantry.core.error.ApiException;
import dev.gantry.store.iam.AccessKey;
import dev.gantry.store.iam.IamRole;
import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.IamTag;
import dev.gantry.store.iam.IamUser;
import dev.gantry.store.iam.ManagedPolicy;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IAM's write and read operations on users, access keys, roles and policies, with IAM's rules: names unique
 * case-insensitively, policy documents checked by the {@link PolicyEngine}, at most two access keys per user, no
 * deletion of a user or role that still has keys or policies, nor of a policy still attached. The only writer of the
 * IAM tables (sessions aside: {@link RoleSessions}).
 */
public final class IamOperations {
    static final int MAX_ACCESS_KEYS = 2;
    static final int DEFAULT_MAX_SESSION = 3600;
    private static final Logger LOG = LoggerFactory.getLogger(IamOperations.class);

    private final IamStore store;
    private final PolicyEngine engine;
    private final IamIds ids;
    private final InstantSource clock;
    private final String accountId;

    public IamOperations(IamStore store, PolicyEngine engine, IamIds ids, InstantSource clock, String accountId) {
        this.store = Objects.requireNonNull(store, "store");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    // --- roles

    public IamRole createRole(
            String name,
            String path,
            String trustPolicy,
            Optional<Integer> maxSessionSeconds,
            String description,
            List<IamTag> tags) {
        engine.validateTrust(trustPolicy);
        int max = maxSessionSeconds.orElse(DEFAULT_MAX_SESSION);
        if (max < 3600 || max > 43200) {
            throw ApiException.invalidParameter(IamMessages.maxSession(max));
        }
        IamRole role = new IamRole(
                name,
                ids.roleId(),
                "arn:aws:iam::" + accountId + ":role" + path + name,
                path,
                trustPolicy,
                max,
                description,
                tags,
                clock.instant());
        if (!store.insertRole(role)) {
            throw new ApiException(IamError.ENTITY_ALREADY_EXISTS, IamMessages.roleExists(name));
        }
        LOG.atInfo().addKeyValue("roleArn", role.arn()).log("role created");
        return role;
    }

    public IamRole role(String name) {
        return store.role(name).orElseThrow(() -> new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noRole(name)));
    }

    public List<IamRole> roles(String pathPrefix) {
        return store.roles().stream()
                .filter(r -> r.path().startsWith(pathPrefix))
                .toList();
    }

    public void deleteRole(String name) {
        IamRole role = role(name);
        var deps = store.dependents(role.arn(), Optional.empty());
        if (deps.attachedPolicies() > 0) {
            throw new ApiException(IamError.DELETE_CONFLICT, IamMessages.DETACH_FIRST);
        }
        if (deps.inlinePolicies() > 0) {
            throw new ApiException(IamError.DELETE_CONFLICT, IamMessages.DELETE_POLICIES_FIRST);
        }
        store.deleteRole(role.name());
        LOG.atInfo().addKeyValue("roleArn", role.arn()).log("role deleted");
    }

    public void tagRole(String name, List<IamTag> tags) {
        IamRole role = role(name);
        store.updateRole(role.withTags(merge(role.tags(), tags)));
    }

    public void untagRole(String name, Collection<String> keys) {
        IamRole role = role(name);
        store.updateRole(role.withTags(
                role.tags().stream().filter(t -> !keys.contains(t.key())).toList()));
    }

    // --- users and access keys

    public IamUser createUser(String name, String path, List<IamTag> tags) {
        IamUser user = new IamUser(
                name, ids.userId(), "arn:aws:iam::" + accountId + ":user" + path + name, path, tags, clock.instant());
        if (!store.insertUser(user)) {
            throw new ApiException(IamError.ENTITY_ALREADY_EXISTS, IamMessages.userExists(name));
        }
        LOG.atInfo().addKeyValue("userArn", user.arn()).log("user created");
        return user;
    }

    public IamUser user(String name) {
        return store.user(name).orElseThrow(() -> new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noUser(name)));
    }

    public List<IamUser> users(String pathPrefix) {
        return store.users().stream()
                .filter(u -> u.path().startsWith(pathPrefix))
                .toList();
    }

    public void deleteUser(String name) {
        IamUser user = user(name);
        var deps = store.dependents(user.arn(), Optional.of(user.name()));
        if (deps.accessKeys() > 0) {
            throw new ApiException(IamError.DELETE_CONFLICT, IamMessages.DELETE_KEYS_FIRST);
        }
        if (deps.attachedPolicies() > 0) {
            throw new ApiException(IamError.DELETE_CONFLICT, IamMessages.DETACH_FIRST);
        }
        if (deps.inlinePolicies() > 0) {
            throw new ApiException(IamError.DELETE_CONFLICT, IamMessages.DELETE_POLICIES_FIRST);
        }
        store.deleteUser(user.name());
        LOG.atInfo().addKeyValue("userArn", user.arn()).log("user deleted");
    }

    public void tagUser(String name, List<IamTag> tags) {
        IamUser user = user(name);
        store.updateUser(user.withTags(merge(user.tags(), tags)));
    }

    public void untagUser(String name, Collection<String> keys) {
        IamUser user = user(name);
        store.updateUser(user.withTags(
                user.tags().stream().filter(t -> !keys.contains(t.key())).toList()));
    }

    /** A new Active key for the user; the secret is shown once, in this answer. */
    public AccessKey createAccessKey(String userName) {
        IamUser user = user(userName);
        if (store.keys(user.name()).size() >= MAX_ACCESS_KEYS) {
            throw new ApiException(IamError.LIMIT_EXCEEDED, IamMessages.KEY_QUOTA);
        }
        AccessKey key = new AccessKey(ids.accessKeyId(), user.name(), ids.secretAccessKey(), "Active", clock.instant());
        store.insertKey(key);
        LOG.atInfo()
                .addKeyValue("userArn", user.arn())
                .addKeyValue("accessKeyId", key.id())
                .log("access key created");
        return key;
    }

    public List<AccessKey> accessKeys(String userName) {
        return store.keys(user(userName).name());
    }

    public void deleteAccessKey(String userName, String accessKeyId) {
        IamUser user = user(userName);
        if (!store.deleteKey(user.name(), accessKeyId)) {
            throw new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noAccessKey(accessKeyId));
        }
        LOG.atInfo().addKeyValue("accessKeyId", accessKeyId).log("access key deleted");
    }

    // --- inline policies (owner: a role or a user)

    public void putRolePolicy(String roleName, String policyName, String document) {
        engine.validate(document);
        store.putInline(role(roleName).arn(), policyName, document);
    }

    public String rolePolicy(String roleName, String policyName) {
        return store.inline(role(roleName).arn(), policyName)
                .orElseThrow(() -> new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noRolePolicy(policyName)));
    }

    public List<String> rolePolicyNames(String roleName) {
        return store.inlineNames(role(roleName).arn());
    }

    public void deleteRolePolicy(String roleName, String policyName) {
        if (!store.deleteInline(role(roleName).arn(), policyName)) {
            throw new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noRolePolicy(policyName));
        }
    }

    public void putUserPolicy(String userName, String policyName, String document) {
        engine.validate(document);
        store.putInline(user(userName).arn(), policyName, document);
    }

    public String userPolicy(String userName, String policyName) {
        return store.inline(user(userName).arn(), policyName)
                .orElseThrow(() -> new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noUserPolicy(policyName)));
    }

    public List<String> userPolicyNames(String userName) {
        return store.inlineNames(user(userName).arn());
    }

    public void deleteUserPolicy(String userName, String policyName) {
        if (!store.deleteInline(user(userName).arn(), policyName)) {
            throw new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noUserPolicy(policyName));
        }
    }

    // --- managed policies and attachments

    public ManagedPolicy createPolicy(String name, String path, String document, String description) {
        engine.validate(document);
        ManagedPolicy policy = new ManagedPolicy(
                "arn:aws:iam::" + accountId + ":policy" + path + name,
                name,
                ids.policyId(),
                path,
                description,
                document,
                clock.instant());
        if (!store.insertPolicy(policy)) {
            throw new ApiException(IamError.ENTITY_ALREADY_EXISTS, IamMessages.policyExists(name));
        }
        LOG.atInfo().addKeyValue("policyArn", policy.arn()).log("policy created");
        return policy;
    }

    /** A customer-managed policy, or an AWS-managed one Gantry knows (its record made up from the document). */
    public ManagedPolicy policy(String arn) {
        Optional<String> aws = AwsManagedPolicies.document(arn);
        if (aws.isPresent()) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            String path = arn.substring(AwsManagedPolicies.PREFIX.length() - 1, arn.length() - name.length());
            return new ManagedPolicy(
                    arn,
                    name,
                    "ANPA" + name.toUpperCase(java.util.Locale.ROOT),
                    path,
                    "",
                    aws.get(),
                    java.time.Instant.EPOCH);
        }
        return store.policy(arn)
                .orElseThrow(() -> new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noPolicy(arn)));
    }

    /** The document of a policy version: only {@code v1} exists. */
    public String policyVersion(String arn, String versionId) {
        ManagedPolicy policy = policy(arn);
        if (!versionId.equals("v1")) {
            throw new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noPolicyVersion(arn, versionId));
        }
        return policy.document();
    }

    public List<ManagedPolicy> localPolicies(String pathPrefix) {
        return store.policies().stream()
                .filter(p -> p.path().startsWith(pathPrefix))
                .toList();
    }

    public long attachmentCount(String policyArn) {
        return store.attachmentCount(policyArn);
    }

    public void deletePolicy(String arn) {
        ManagedPolicy policy = policy(arn);
        if (store.attachmentCount(arn) > 0) {
            throw new ApiException(IamError.DELETE_CONFLICT, IamMessages.POLICY_ATTACHED);
        }
        store.deletePolicy(policy.arn());
    }

    public void attachRolePolicy(String roleName, String policyArn) {
        IamRole role = role(roleName);
        policy(policyArn);
        store.attach(role.arn(), policyArn);
    }

    public void detachRolePolicy(String roleName, String policyArn) {
        if (!store.detach(role(roleName).arn(), policyArn)) {
            throw new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noPolicy(policyArn));
        }
    }

    public void attachUserPolicy(String userName, String policyArn) {
        IamUser user = user(userName);
        policy(policyArn);
        store.attach(user.arn(), policyArn);
    }

    public void detachUserPolicy(String userName, String policyArn) {
        if (!store.detach(user(userName).arn(), policyArn)) {
            throw new ApiException(IamError.NO_SUCH_ENTITY, IamMessages.noPolicy(policyArn));
        }
    }

    /** Attached policies (ARN → name) of a role or user, by its ARN. */
    public Map<String, String> attached(String ownerArn) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arn : store.attached(ownerArn)) {
            out.put(arn, arn.substring(arn.lastIndexOf('/') + 1));
        }
        return out;
    }

    /**
     * A principal's unique id as STS's GetCallerIdentity shows it: {@code AIDA…} for a user, {@code AROA…:SESSION}
     * for an assumed role; empty for anything else.
     */
    public Optional<String> uniqueId(String principalArn) {
        CallerArn arn = CallerArn.parse(principalArn);
        return switch (arn.kind()) {
            case USER -> store.user(arn.name()).map(IamUser::userId);
            case ASSUMED_ROLE ->
                store.role(arn.name())
                        .map(r -> r.roleId() + ":" + arn.sessionName().orElse(""));
            case ROLE -> store.role(arn.name()).map(IamRole::roleId);
            case ROOT, OTHER -> Optional.empty();
        };
    }

    private static List<IamTag> merge(List<IamTag> existing, List<IamTag> more) {
        Map<String, String> byKey = new LinkedHashMap<>();
        existing.forEach(t -> byKey.put(t.key(), t.value()));
        more.forEach(t -> byKey.put(t.key(), t.value()));
        List<IamTag> out = new ArrayList<>();
        byKey.forEach((k, v) -> out.add(new IamTag(k, v)));
        return out;
    }
}
