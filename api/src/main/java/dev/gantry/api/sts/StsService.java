package dev.gantry.api.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.QueryDialect;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.core.arn.Arns;
import java.util.Map;
import java.util.Set;

/**
 * AWS Security Token Service (sts-2011-06-15, AWS Query protocol): the identity behind the caller's key. Every SDK
 * and Terraform provider calls GetCallerIdentity first, to learn the account.
 */
public final class StsService implements AwsService {

    static final String API_VERSION = "2011-06-15";
    static final String XML_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final ServiceBinding BINDING =
            new ServiceBinding.Query(QueryDialect.QUERY, API_VERSION, XML_NAMESPACE);

    private final Arns arns;
    private final OperationTable operations;

    public StsService(Arns arns) {
        this.arns = arns;
        this.operations = new OperationTable(
                "STS", "docs/compat/sts.md", Map.of("GetCallerIdentity", (in, rc) -> callerIdentity(rc)));
    }

    /**
     * {@code Account}, {@code Arn} and {@code UserId} as AWS shapes them: for an account's root key the user id is
     * the account id; for an IAM user, the part after {@code user/} stands in for AWS's unique id (Gantry keeps no
     * IAM users yet).
     */
    JsonNode callerIdentity(RequestContext rc) {
        String arn = rc.principalArn();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("UserId", userId(arn));
        out.put("Account", accountOf(arn));
        out.put("Arn", arn);
        return out;
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
    public Set<String> operationNames() {
        return operations.names();
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        return operations.dispatch(operation, input, context);
    }
}
