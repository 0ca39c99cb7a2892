package dev.gantry.api.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AwsJsonService;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.store.logs.LogStore;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Amazon CloudWatch Logs (Logs_20140328): the operations Gantry implements, in one table. */
public final class LogsService implements AwsJsonService {
    private final Map<String, Function<JsonNode, JsonNode>> operations;

    public LogsService(LogStore store, Arns arns) {
        LogsViews views = new LogsViews(arns);
        GroupHandlers groups = new GroupHandlers(store, views);
        StreamHandlers streams = new StreamHandlers(store, views);
        EventHandlers events = new EventHandlers(store);
        operations = Map.ofEntries(
                Map.entry("CreateLogGroup", groups::create),
                Map.entry("DeleteLogGroup", groups::delete),
                Map.entry("DescribeLogGroups", groups::describe),
                Map.entry("PutRetentionPolicy", groups::putRetention),
                Map.entry("DeleteRetentionPolicy", groups::deleteRetention),
                Map.entry("CreateLogStream", streams::create),
                Map.entry("DeleteLogStream", streams::delete),
                Map.entry("DescribeLogStreams", streams::describe),
                Map.entry("PutLogEvents", events::put),
                Map.entry("GetLogEvents", events::get),
                Map.entry("FilterLogEvents", events::filter));
    }

    /** The operation names this service implements (for the compatibility matrix). */
    public Set<String> operationNames() {
        return operations.keySet();
    }

    @Override
    public String targetPrefix() {
        return "Logs_20140328";
    }

    @Override
    public String signingName() {
        return "logs";
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        Function<JsonNode, JsonNode> op = operations.get(operation);
        if (op == null) {
            throw new ApiException(ErrorCode.UNKNOWN_OPERATION, "Gantry does not implement CloudWatch Logs operation '"
                    + operation + "' yet.");
        }
        return op.apply(input);
    }
}
