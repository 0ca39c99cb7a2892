package dev.gantry.api.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.QueryDialect;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.api.protocol.ServiceModel;
import dev.gantry.control.iam.IamOperations;
import dev.gantry.core.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * AWS IAM over the AWS Query protocol (signing name {@code iam}, API version 2010-05-08), on the same port as every
 * other service. Each call's resource for authorization is the role, user or policy it names.
 */
public final class IamService implements AwsService {
    static final String API_VERSION = "2010-05-08";
    static final String XML_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    static final String NOT_A_USER = "Must specify userName when calling with non-User credentials";
    private static final ServiceBinding BINDING =
            new ServiceBinding.Query(QueryDialect.QUERY, API_VERSION, XML_NAMESPACE);
    private static final ServiceModel MODEL = ServiceModel.load(IamService.class, "service-2.json.gz");

    private final OperationTable operations;
    private final IamAccess access;

    public IamService(IamOperations iam, String accountId) {
        this.access = new IamAccess(iam, accountId);
        var roles = new RoleHandlers(iam);
        var users = new UserHandlers(iam);
        Map<String, BiFunction<JsonNode, RequestContext, JsonNode>> ops = new LinkedHashMap<>();
        put(ops, "CreateRole", roles::createRole);
        put(ops, "GetRole", roles::getRole);
        put(ops, "ListRoles", roles::listRoles);
        put(ops, "DeleteRole", roles::deleteRole);
        put(ops, "TagRole", roles::tagRole);
        put(ops, "UntagRole", roles::untagRole);
        put(ops, "PutRolePolicy", roles::putRolePolicy);
        put(ops, "GetRolePolicy", roles::getRolePolicy);
        put(ops, "DeleteRolePolicy", roles::deleteRolePolicy);
        put(ops, "ListRolePolicies", roles::listRolePolicies);
        put(ops, "AttachRolePolicy", roles::attachRolePolicy);
        put(ops, "DetachRolePolicy", roles::detachRolePolicy);
        put(ops, "ListAttachedRolePolicies", roles::listAttachedRolePolicies);
        put(ops, "CreatePolicy", roles::createPolicy);
        put(ops, "GetPolicy", roles::getPolicy);
        put(ops, "DeletePolicy", roles::deletePolicy);
        put(ops, "ListPolicies", roles::listPolicies);
        put(ops, "GetPolicyVersion", roles::getPolicyVersion);
        put(ops, "CreateUser", users::createUser);
        ops.put("GetUser", (in, rc) -> users.getUser(in, callerUser(rc, in)));
        put(ops, "ListUsers", users::listUsers);
        put(ops, "DeleteUser", users::deleteUser);
        put(ops, "TagUser", users::tagUser);
        put(ops, "UntagUser", users::untagUser);
        ops.put("CreateAccessKey", (in, rc) -> users.createAccessKey(in, callerUser(rc, in)));
        ops.put("ListAccessKeys", (in, rc) -> users.listAccessKeys(in, callerUser(rc, in)));
        ops.put("DeleteAccessKey", (in, rc) -> users.deleteAccessKey(in, callerUser(rc, in)));
        put(ops, "PutUserPolicy", users::putUserPolicy);
        put(ops, "GetUserPolicy", users::getUserPolicy);
        put(ops, "DeleteUserPolicy", users::deleteUserPolicy);
        put(ops, "ListUserPolicies", users::listUserPolicies);
        put(ops, "AttachUserPolicy", users::attachUserPolicy);
        put(ops, "DetachUserPolicy", users::detachUserPolicy);
        put(ops, "ListAttachedUserPolicies", users::listAttachedUserPolicies);
        this.operations = new OperationTable("IAM", "docs/compat/iam.md", ops);
    }

    private static void put(
            Map<String, BiFunction<JsonNode, RequestContext, JsonNode>> ops,
            String name,
            Function<JsonNode, JsonNode> handler) {
        ops.put(name, (in, rc) -> handler.apply(in));
    }

    /** Calls that may omit UserName act on the calling user; other callers must name one, as IAM says. */
    private static String callerUser(RequestContext rc, JsonNode in) {
        if (in.hasNonNull("UserName")) {
            return in.get("UserName").asText();
        }
        String arn = rc.principalArn();
        int colon = arn.lastIndexOf(':');
        String resource = arn.substring(colon + 1);
        if (!arn.startsWith("arn:aws:iam::") || !resource.startsWith("user/")) {
            throw ApiException.invalidParameter(NOT_A_USER);
        }
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** What the call acts on, by {@link IamAccess}'s per-operation table (the caller unknown: "*" for self calls). */
    @Override
    public AccessTarget accessTarget(String operation, JsonNode input) {
        return access.target(operation, input, Optional.empty());
    }

    /** As {@link #accessTarget(String, JsonNode)}; GetUser, CreateAccessKey… without UserName act on the caller. */
    @Override
    public AccessTarget accessTarget(String operation, JsonNode input, String principalArn) {
        return access.target(operation, input, Optional.of(principalArn));
    }

    @Override
    public String signingName() {
        return "iam";
    }

    @Override
    public ServiceBinding binding() {
        return BINDING;
    }

    @Override
    public ErrorTable errors() {
        return IamErrors.TABLE;
    }

    @Override
    public Optional<ServiceModel> model() {
        return Optional.of(MODEL);
    }

    @Override
    public Set<String> operationNames() {
        return operations.names();
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        return operations.dispatch(operation, input, context);
    }
}
