package dev.gantry.api.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.iam.IamOperations;
import dev.gantry.store.iam.IamRole;
import dev.gantry.store.iam.ManagedPolicy;
import java.util.List;
import java.util.Map;

/** Roles, their inline policies and attachments; customer-managed policies. */
final class RoleHandlers {
    private final IamOperations iam;

    RoleHandlers(IamOperations iam) {
        this.iam = iam;
    }

    JsonNode createRole(JsonNode node) {
        Params in = new Params(node);
        IamRole role = iam.createRole(
                in.required("RoleName"),
                in.path(),
                in.required("AssumeRolePolicyDocument"),
                in.integer("MaxSessionDuration"),
                in.text("Description").orElse(""),
                in.tags());
        return Views.object().set("Role", Views.role(role));
    }

    JsonNode getRole(JsonNode node) {
        return Views.object().set("Role", Views.role(iam.role(new Params(node).required("RoleName"))));
    }

    JsonNode listRoles(JsonNode node) {
        Params in = new Params(node);
        List<ObjectNode> roles =
                iam.roles(in.pathPrefix()).stream().map(Views::role).toList();
        return Views.page("Roles", roles, in);
    }

    JsonNode deleteRole(JsonNode node) {
        iam.deleteRole(new Params(node).required("RoleName"));
        return Views.object();
    }

    JsonNode tagRole(JsonNode node) {
        Params in = new Params(node);
        iam.tagRole(in.required("RoleName"), in.tags());
        return Views.object();
    }

    JsonNode untagRole(JsonNode node) {
        Params in = new Params(node);
        iam.untagRole(in.required("RoleName"), in.texts("TagKeys"));
        return Views.object();
    }

    JsonNode putRolePolicy(JsonNode node) {
        Params in = new Params(node);
        iam.putRolePolicy(in.required("RoleName"), in.required("PolicyName"), in.required("PolicyDocument"));
        return Views.object();
    }

    JsonNode getRolePolicy(JsonNode node) {
        Params in = new Params(node);
        String role = iam.role(in.required("RoleName")).name();
        String name = in.required("PolicyName");
        String document = iam.rolePolicy(role, name);
        return Views.object()
                .put("RoleName", role)
                .put("PolicyName", name)
                .put("PolicyDocument", Views.encoded(document));
    }

    JsonNode deleteRolePolicy(JsonNode node) {
        Params in = new Params(node);
        iam.deleteRolePolicy(in.required("RoleName"), in.required("PolicyName"));
        return Views.object();
    }

    JsonNode listRolePolicies(JsonNode node) {
        Params in = new Params(node);
        List<JsonNode> names = iam.rolePolicyNames(in.required("RoleName")).stream()
                .map(Views::text)
                .toList();
        return Views.page("PolicyNames", names, in);
    }

    JsonNode attachRolePolicy(JsonNode node) {
        Params in = new Params(node);
        iam.attachRolePolicy(in.required("RoleName"), in.required("PolicyArn"));
        return Views.object();
    }

    JsonNode detachRolePolicy(JsonNode node) {
        Params in = new Params(node);
        iam.detachRolePolicy(in.required("RoleName"), in.required("PolicyArn"));
        return Views.object();
    }

    JsonNode listAttachedRolePolicies(JsonNode node) {
        Params in = new Params(node);
        return attachedPage(iam.attached(iam.role(in.required("RoleName")).arn()), in);
    }

    static ObjectNode attachedPage(Map<String, String> attached, Params in) {
        List<ObjectNode> items = attached.entrySet().stream()
                .map(e -> Views.object().put("PolicyName", e.getValue()).put("PolicyArn", e.getKey()))
                .toList();
        return Views.page("AttachedPolicies", items, in);
    }

    // --- customer-managed policies

    JsonNode createPolicy(JsonNode node) {
        Params in = new Params(node);
        ManagedPolicy p = iam.createPolicy(
                in.required("PolicyName"),
                in.path(),
                in.required("PolicyDocument"),
                in.text("Description").orElse(""));
        return Views.object().set("Policy", Views.policy(p, 0));
    }

    JsonNode getPolicy(JsonNode node) {
        String arn = new Params(node).required("PolicyArn");
        return Views.object().set("Policy", Views.policy(iam.policy(arn), iam.attachmentCount(arn)));
    }

    JsonNode deletePolicy(JsonNode node) {
        iam.deletePolicy(new Params(node).required("PolicyArn"));
        return Views.object();
    }

    /** Scope {@code Local} or {@code All}: Gantry lists its customer-managed policies ({@code AWS} lists none). */
    JsonNode listPolicies(JsonNode node) {
        Params in = new Params(node);
        String scope = in.text("Scope").orElse("All");
        boolean onlyAttached = node.path("OnlyAttached").asBoolean(false);
        List<ObjectNode> items = scope.equals("AWS")
                ? List.of()
                : iam.localPolicies(in.pathPrefix()).stream()
                        .map(p -> Views.policy(p, iam.attachmentCount(p.arn())))
                        .filter(p -> !onlyAttached || p.path("AttachmentCount").asLong() > 0)
                        .toList();
        return Views.page("Policies", items, in);
    }

    JsonNode getPolicyVersion(JsonNode node) {
        Params in = new Params(node);
        String arn = in.required("PolicyArn");
        String version = in.required("VersionId");
        String document = iam.policyVersion(arn, version);
        ObjectNode v = Views.object()
                .put("Document", Views.encoded(document))
                .put("VersionId", version)
                .put("IsDefaultVersion", true);
        v.set(
                "CreateDate",
                new com.fasterxml.jackson.databind.node.POJONode(iam.policy(arn).created()));
        return Views.object().set("PolicyVersion", v);
    }
}
