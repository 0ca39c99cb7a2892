package dev.gantry.api.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.control.iam.IamOperations;
import dev.gantry.core.error.ApiException;
import java.util.Map;
import java.util.Optional;

/**
 * Owns what each IAM operation acts on, for authorization: one row per operation naming the member its handler
 * reads and the kind of resource (IAM's "Actions, resources and condition keys" table), never "whichever member is
 * present". An existing role or user is authorized on its stored ARN (path included); one not yet created (Create*)
 * on the ARN it would get; calls that may omit {@code UserName} act on the caller's own user.
 */
final class IamAccess {

    /** The kind of resource an operation acts on, and the member naming it. */
    enum Kind {
        ROLE("RoleName"),
        NEW_ROLE("RoleName"),
        USER("UserName"),
        NEW_USER("UserName"),
        /** UserName, or the caller's own user when it is omitted. */
        SELF_USER("UserName"),
        POLICY("PolicyArn"),
        NEW_POLICY("PolicyName"),
        /** No resource type: the action is authorized on {@code *}. */
        NONE("");

        final String member;

        Kind(String member) {
            this.member = member;
        }
    }

    /** An operation's row: its resource kind, and whether {@code iam:PolicyARN} (from PolicyArn) is a condition key. */
    record Row(Kind kind, boolean policyArnKey) {}

    static final Map<String, Row> TABLE = Map.ofEntries(
            Map.entry("CreateRole", new Row(Kind.NEW_ROLE, false)),
            Map.entry("GetRole", new Row(Kind.ROLE, false)),
            Map.entry("ListRoles", new Row(Kind.NONE, false)),
            Map.entry("DeleteRole", new Row(Kind.ROLE, false)),
            Map.entry("TagRole", new Row(Kind.ROLE, false)),
            Map.entry("UntagRole", new Row(Kind.ROLE, false)),
            Map.entry("PutRolePolicy", new Row(Kind.ROLE, false)),
            Map.entry("GetRolePolicy", new Row(Kind.ROLE, false)),
            Map.entry("DeleteRolePolicy", new Row(Kind.ROLE, false)),
            Map.entry("ListRolePolicies", new Row(Kind.ROLE, false)),
            Map.entry("AttachRolePolicy", new Row(Kind.ROLE, true)),
            Map.entry("DetachRolePolicy", new Row(Kind.ROLE, true)),
            Map.entry("ListAttachedRolePolicies", new Row(Kind.ROLE, false)),
            Map.entry("CreatePolicy", new Row(Kind.NEW_POLICY, false)),
            Map.entry("GetPolicy", new Row(Kind.POLICY, false)),
            Map.entry("DeletePolicy", new Row(Kind.POLICY, false)),
            Map.entry("ListPolicies", new Row(Kind.NONE, false)),
            Map.entry("GetPolicyVersion", new Row(Kind.POLICY, false)),
            Map.entry("CreateUser", new Row(Kind.NEW_USER, false)),
            Map.entry("GetUser", new Row(Kind.SELF_USER, false)),
            Map.entry("ListUsers", new Row(Kind.NONE, false)),
            Map.entry("DeleteUser", new Row(Kind.USER, false)),
            Map.entry("TagUser", new Row(Kind.USER, false)),
            Map.entry("UntagUser", new Row(Kind.USER, false)),
            Map.entry("CreateAccessKey", new Row(Kind.SELF_USER, false)),
            Map.entry("ListAccessKeys", new Row(Kind.SELF_USER, false)),
            Map.entry("DeleteAccessKey", new Row(Kind.SELF_USER, false)),
            Map.entry("UpdateAccessKey", new Row(Kind.SELF_USER, false)),
            Map.entry("PutUserPolicy", new Row(Kind.USER, false)),
            Map.entry("GetUserPolicy", new Row(Kind.USER, false)),
            Map.entry("DeleteUserPolicy", new Row(Kind.USER, false)),
            Map.entry("ListUserPolicies", new Row(Kind.USER, false)),
            Map.entry("AttachUserPolicy", new Row(Kind.USER, true)),
            Map.entry("DetachUserPolicy", new Row(Kind.USER, true)),
            Map.entry("ListAttachedUserPolicies", new Row(Kind.USER, false)));

    private final IamOperations iam;
    private final String accountId;

    IamAccess(IamOperations iam, String accountId) {
        this.iam = iam;
        this.accountId = accountId;
    }

    /**
     * What {@code operation} acts on. {@code caller} is the calling principal's ARN, for the calls that act on the
     * caller's own user when {@code UserName} is omitted (empty when the codec does not pass it).
     */
    AccessTarget target(String operation, JsonNode input, Optional<String> caller) {
        Row row = TABLE.get(operation);
        if (row == null) {
            return AccessTarget.ANY; // not implemented: the handler answers InvalidAction
        }
        String prefix = "arn:aws:iam::" + accountId + ":";
        Optional<String> named = text(input, row.kind().member);
        String resource = switch (row.kind()) {
            case NONE -> "*";
            case ROLE -> named.map(n -> roleArn(prefix, n)).orElse(prefix + "role/");
            case USER -> named.map(n -> userArn(prefix, n)).orElse(prefix + "user/");
            case NEW_ROLE -> prefix + "role" + path(input) + named.orElse("");
            case NEW_USER -> prefix + "user" + path(input) + named.orElse("");
            case NEW_POLICY -> prefix + "policy" + path(input) + named.orElse("");
            case POLICY -> named.orElse(prefix + "policy/");
            case SELF_USER ->
                named.map(n -> userArn(prefix, n))
                        .or(() -> caller.filter(IamAccess::isUser))
                        .orElse("*");
        };
        AccessTarget target = AccessTarget.of(resource);
        if (row.policyArnKey()) {
            Optional<String> policy = text(input, "PolicyArn");
            if (policy.isPresent()) {
                target = target.withKey("iam:PolicyARN", policy.get());
            }
        }
        return target;
    }

    private String roleArn(String prefix, String name) {
        try {
            return iam.role(name).arn();
        } catch (ApiException missing) {
            return prefix + "role/" + name; // the handler answers NoSuchEntity, if the caller may ask
        }
    }

    private String userArn(String prefix, String name) {
        try {
            return iam.user(name).arn();
        } catch (ApiException missing) {
            return prefix + "user/" + name;
        }
    }

    private static boolean isUser(String arn) {
        return arn.startsWith("arn:aws:iam::")
                && arn.substring(arn.lastIndexOf(':') + 1).startsWith("user/");
    }

    private static String path(JsonNode input) {
        return text(input, "Path").orElse("/");
    }

    private static Optional<String> text(JsonNode input, String member) {
        return member.isEmpty() || !input.hasNonNull(member)
                ? Optional.empty()
                : Optional.of(input.get(member).asText());
    }
}
