package dev.gantry.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A service's operations by name, and the one place an unknown operation is answered: UnknownOperationException
 * naming the operation and where to see what is supported.
 */
public final class OperationTable {
    private final String serviceName;
    private final String compatDoc;
    private final Map<String, BiFunction<JsonNode, RequestContext, JsonNode>> operations;

    public OperationTable(
            String serviceName,
            String compatDoc,
            Map<String, BiFunction<JsonNode, RequestContext, JsonNode>> operations) {
        this.serviceName = serviceName;
        this.compatDoc = compatDoc;
        this.operations = Map.copyOf(operations);
    }

    public JsonNode dispatch(String operation, JsonNode input, RequestContext context) {
        var op = operations.get(operation);
        if (op == null) {
            throw new ApiException(
                    ErrorCode.UNKNOWN_OPERATION,
                    "Gantry does not implement " + serviceName + " operation '" + operation + "' yet. See " + compatDoc
                            + " for the supported operations.");
        }
        return op.apply(input, context);
    }

    public Set<String> names() {
        return operations.keySet();
    }
}
