package dev.gantry.api.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.QueryDialect;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.api.protocol.ServiceModel;
import dev.gantry.control.iam.RoleSession;
import dev.gantry.control.iam.RoleSessions;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * AWS Security Token Service (sts-2011-06-15, AWS Query protocol): the identity behind the caller's key
 * (GetCallerIdentity, which every SDK and Terraform provider calls first and which no policy can deny) and
 * AssumeRole (session credentials for a role whose trust policy names the caller).
 */
public final class StsService implements AwsService {

    static final String API_VERSION = "2011-06-15";
    static final String XML_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String NO_ROLES = "AssumeRole is not available: this Gantry has no IAM roles.";
    private static final ServiceBinding BINDING =
            new ServiceBinding.Query(QueryDialect.QUERY, API_VERSION, XML_NAMESPACE);
    private static final ServiceModel MODEL = ServiceModel.load(StsService.class, "service-2.json.gz");

    private final Arns arns;
    private final Optional<RoleSessions> sessions;
    private final Function<String, Optional<String>> uniqueIds;
    private final OperationTable operations;

    /** GetCallerIdentity only (no IAM behind it). */
    public StsService(Arns arns) {
        this(arns, Optional.empty(), arn -> Optional.empty());
    }

    /**
     * With AssumeRole through {@code sessions}; {@code uniqueIds} gives a principal ARN's unique id ({@code AIDA…}
     * for a user, {@code AROA…:SESSION} for an assumed role) for GetCallerIdentity's {@code UserId}.
     */
    public StsService(Arns arns, Optional<RoleSessions> sessions, Function<String, Optional<String>> uniqueIds) {
        this.arns = arns;
        this.sessions = sessions;
        this.uniqueIds = uniqueIds;
        Map<String, java.util.function.BiFunction<JsonNode, RequestContext, JsonNode>> ops = new LinkedHashMap<>();
        ops.put("GetCallerIdentity", (in, rc) -> callerIdentity(rc));
        ops.put("AssumeRole", this::assumeRole);
        this.operations = new OperationTable("STS", "docs/compat/sts.md", ops);
    }

    /**
     * {@code Account}, {@code Arn} and {@code UserId} as AWS shapes them: for an account's root key the user id is
     * the account id; for an IAM user its {@code AIDA…} id, for an assumed role {@code AROA…:SESSION}.
     */
    JsonNode callerIdentity(RequestContext rc) {
        String arn = rc.principalArn();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("UserId", uniqueIds.apply(arn).orElseGet(() -> userId(arn)));
        out.put("Account", accountOf(arn));
        out.put("Arn", arn);
        return out;
    }

    JsonNode assumeRole(JsonNode in, RequestContext rc) {
        RoleSessions roles = sessions.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_OPERATION, NO_ROLES));
        String roleArn = text(in, "RoleArn").orElseThrow(() -> missing("roleArn"));
        String sessionName = text(in, "RoleSessionName").orElseThrow(() -> missing("roleSessionName"));
        Optional<Integer> duration = in.hasNonNull("DurationSeconds")
                ? Optional.of(in.get("DurationSeconds").asInt())
                : Optional.empty();
        RoleSession s = roles.assume(
                rc.principalArn(),
                roleArn,
                sessionName,
                duration,
                text(in, "Policy"),
                Map.of("aws:PrincipalArn", List.of(rc.principalArn())));
        ObjectNode credentials = Json.mapper().createObjectNode();
        credentials.put("AccessKeyId", s.accessKeyId());
        credentials.put("SecretAccessKey", s.secretAccessKey());
        credentials.put("SessionToken", s.sessionToken());
        credentials.set("Expiration", new com.fasterxml.jackson.databind.node.POJONode(s.expiration()));
        ObjectNode user = Json.mapper().createObjectNode();
        user.put("AssumedRoleId", s.assumedRoleId());
        user.put("Arn", s.assumedRoleArn());
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("Credentials", credentials);
        out.set("AssumedRoleUser", user);
        out.put("PackedPolicySize", 0);
        return out;
    }

    private static Optional<String> text(JsonNode in, String name) {
        JsonNode v = in.get(name);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    private static ApiException missing(String member) {
        return ApiException.invalidParameter("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    private String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[4].matches("\\d{12}") ? parts[4] : arns.accountId();
    }

    private String userId(String arn) {
        if (arn.endsWith(":root")) {
            return accountOf(arn);
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : arn;
    }

    /** GetCallerIdentity is never denied: "No permissions are required to perform this operation." */
    @Override
    public boolean alwaysAllowed(String operation) {
        return operation.equals("GetCallerIdentity");
    }

    /** AssumeRole acts on the role it names. */
    @Override
    public AccessTarget accessTarget(String operation, JsonNode input) {
        return operation.equals("AssumeRole") && input.hasNonNull("RoleArn")
                ? AccessTarget.of(input.get("RoleArn").asText())
                : AccessTarget.ANY;
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public ServiceBinding binding() {
        return BINDING;
    }

    @Override
    public ErrorTable errors() {
        return StsErrors.TABLE;
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
