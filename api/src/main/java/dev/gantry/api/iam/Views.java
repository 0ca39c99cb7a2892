package dev.gantry.api.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.store.iam.AccessKey;
import dev.gantry.store.iam.IamRole;
import dev.gantry.store.iam.IamTag;
import dev.gantry.store.iam.IamUser;
import dev.gantry.store.iam.ManagedPolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** IAM's output shapes ({@code Role}, {@code User}, {@code AccessKey}, {@code Policy}…) as botocore names them. */
final class Views {
    private Views() {}

    /**
     * A policy document as IAM returns it: URL-encoded ({@code %7B%22Version%22…}, spaces as {@code %20}); the
     * AWS CLI decodes it, SDK users call a URL decoder.
     */
    static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    static ObjectNode role(IamRole r) {
        ObjectNode o = object();
        o.put("Path", r.path());
        o.put("RoleName", r.name());
        o.put("RoleId", r.roleId());
        o.put("Arn", r.arn());
        o.set("CreateDate", new com.fasterxml.jackson.databind.node.POJONode(r.created()));
        o.put("AssumeRolePolicyDocument", encoded(r.trustPolicy()));
        if (!r.description().isEmpty()) {
            o.put("Description", r.description());
        }
        o.put("MaxSessionDuration", r.maxSessionSeconds());
        if (!r.tags().isEmpty()) {
            o.set("Tags", tags(r.tags()));
        }
        return o;
    }

    static ObjectNode user(IamUser u) {
        ObjectNode o = object();
        o.put("Path", u.path());
        o.put("UserName", u.name());
        o.put("UserId", u.userId());
        o.put("Arn", u.arn());
        o.set("CreateDate", new com.fasterxml.jackson.databind.node.POJONode(u.created()));
        if (!u.tags().isEmpty()) {
            o.set("Tags", tags(u.tags()));
        }
        return o;
    }

    /** With the secret only when just created ({@code CreateAccessKey}); listed keys are metadata. */
    static ObjectNode accessKey(AccessKey k, boolean withSecret) {
        ObjectNode o = object();
        o.put("UserName", k.userName());
        o.put("AccessKeyId", k.id());
        o.put("Status", k.status());
        if (withSecret) {
            o.put("SecretAccessKey", k.secret());
        }
        o.set("CreateDate", new com.fasterxml.jackson.databind.node.POJONode(k.created()));
        return o;
    }

    static ObjectNode policy(ManagedPolicy p, long attachments) {
        ObjectNode o = object();
        o.put("PolicyName", p.name());
        o.put("PolicyId", p.policyId());
        o.put("Arn", p.arn());
        o.put("Path", p.path());
        o.put("DefaultVersionId", "v1");
        o.put("AttachmentCount", attachments);
        o.put("PermissionsBoundaryUsageCount", 0);
        o.put("IsAttachable", true);
        if (!p.description().isEmpty()) {
            o.put("Description", p.description());
        }
        o.set("CreateDate", new com.fasterxml.jackson.databind.node.POJONode(p.created()));
        o.set("UpdateDate", new com.fasterxml.jackson.databind.node.POJONode(p.created()));
        return o;
    }

    static ArrayNode tags(List<IamTag> tags) {
        ArrayNode a = Json.mapper().createArrayNode();
        tags.forEach(t -> a.add(object().put("Key", t.key()).put("Value", t.value())));
        return a;
    }

    /** A list member plus {@code IsTruncated}/{@code Marker}: one page from {@code marker} (an offset). */
    static ObjectNode page(String member, List<? extends JsonNode> items, Params in) {
        int from = in.text("Marker").map(Views::offset).orElse(0);
        int max = in.integer("MaxItems").orElse(100);
        int to = Math.min(items.size(), from + max);
        ArrayNode a = Json.mapper().createArrayNode();
        for (int i = Math.min(from, items.size()); i < to; i++) {
            a.add(items.get(i));
        }
        ObjectNode o = object();
        o.set(member, a);
        o.put("IsTruncated", to < items.size());
        if (to < items.size()) {
            o.put("Marker", Integer.toString(to));
        }
        return o;
    }

    private static int offset(String marker) {
        try {
            return Math.max(0, Integer.parseInt(marker));
        } catch (NumberFormatException e) {
            throw dev.gantry.core.error.ApiException.invalidParameter(
                    "Invalid Marker '" + marker + "': pass the Marker of the previous page.");
        }
    }

    static JsonNode text(String value) {
        return Json.mapper().getNodeFactory().textNode(value);
    }
}
