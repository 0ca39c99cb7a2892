package dev.gantry.api.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.iam.IamOperations;
import dev.gantry.store.iam.AccessKey;
import java.util.List;

/** Users, their access keys, inline policies and attachments. */
final class UserHandlers {
    private final IamOperations iam;

    UserHandlers(IamOperations iam) {
        this.iam = iam;
    }

    JsonNode createUser(JsonNode node) {
        Params in = new Params(node);
        return Views.object().set("User", Views.user(iam.createUser(in.required("UserName"), in.path(), in.tags())));
    }

    JsonNode getUser(JsonNode node, String callerUserName) {
        String name = new Params(node).text("UserName").orElse(callerUserName);
        return Views.object().set("User", Views.user(iam.user(name)));
    }

    JsonNode listUsers(JsonNode node) {
        Params in = new Params(node);
        List<ObjectNode> users =
                iam.users(in.pathPrefix()).stream().map(Views::user).toList();
        return Views.page("Users", users, in);
    }

    JsonNode deleteUser(JsonNode node) {
        iam.deleteUser(new Params(node).required("UserName"));
        return Views.object();
    }

    JsonNode tagUser(JsonNode node) {
        Params in = new Params(node);
        iam.tagUser(in.required("UserName"), in.tags());
        return Views.object();
    }

    JsonNode untagUser(JsonNode node) {
        Params in = new Params(node);
        iam.untagUser(in.required("UserName"), in.texts("TagKeys"));
        return Views.object();
    }

    JsonNode createAccessKey(JsonNode node, String callerUserName) {
        AccessKey key = iam.createAccessKey(new Params(node).text("UserName").orElse(callerUserName));
        return Views.object().set("AccessKey", Views.accessKey(key, true));
    }

    JsonNode listAccessKeys(JsonNode node, String callerUserName) {
        Params in = new Params(node);
        String user = in.text("UserName").orElse(callerUserName);
        List<ObjectNode> keys = iam.accessKeys(user).stream()
                .map(k -> Views.accessKey(k, false))
                .toList();
        return Views.page("AccessKeyMetadata", keys, in);
    }

    JsonNode deleteAccessKey(JsonNode node, String callerUserName) {
        Params in = new Params(node);
        iam.deleteAccessKey(in.text("UserName").orElse(callerUserName), in.required("AccessKeyId"));
        return Views.object();
    }

    JsonNode putUserPolicy(JsonNode node) {
        Params in = new Params(node);
        iam.putUserPolicy(in.required("UserName"), in.required("PolicyName"), in.required("PolicyDocument"));
        return Views.object();
    }

    JsonNode getUserPolicy(JsonNode node) {
        Params in = new Params(node);
        String user = iam.user(in.required("UserName")).name();
        String name = in.required("PolicyName");
        return Views.object()
                .put("UserName", user)
                .put("PolicyName", name)
                .put("PolicyDocument", Views.encoded(iam.userPolicy(user, name)));
    }

    JsonNode deleteUserPolicy(JsonNode node) {
        Params in = new Params(node);
        iam.deleteUserPolicy(in.required("UserName"), in.required("PolicyName"));
        return Views.object();
    }

    JsonNode listUserPolicies(JsonNode node) {
        Params in = new Params(node);
        List<JsonNode> names = iam.userPolicyNames(in.required("UserName")).stream()
                .map(Views::text)
                .toList();
        return Views.page("PolicyNames", names, in);
    }

    JsonNode attachUserPolicy(JsonNode node) {
        Params in = new Params(node);
        iam.attachUserPolicy(in.required("UserName"), in.required("PolicyArn"));
        return Views.object();
    }

    JsonNode detachUserPolicy(JsonNode node) {
        Params in = new Params(node);
        iam.detachUserPolicy(in.required("UserName"), in.required("PolicyArn"));
        return Views.object();
    }

    JsonNode listAttachedUserPolicies(JsonNode node) {
        Params in = new Params(node);
        return RoleHandlers.attachedPage(
                iam.attached(iam.user(in.required("UserName")).arn()), in);
    }
}
