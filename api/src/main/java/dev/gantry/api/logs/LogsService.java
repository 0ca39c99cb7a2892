package dev.gantry.api.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AwsJsonService;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.arn.Arns;
import dev.gantry.store.logs.LogStore;
import java.util.Map;
import java.util.Set;

/** Amazon CloudWatch Logs (Logs_20140328): the operations Gantry implements, in one table. */
public final class LogsService implements AwsJsonService {
    private final OperationTable operations;

    public LogsService(LogStore store, Arns arns) {
        LogsViews views = new LogsViews(arns);
        GroupHandlers groups = new GroupHandlers(store, views);
        StreamHandlers streams = new StreamHandlers(store, views);
        EventHandlers events = new EventHandlers(store);
        operations = new OperationTable(
                "CloudWatch Logs",
                "docs/compat/logs.md",
                Map.ofEntries(
                        Map.entry("CreateLogGroup", (in, rc) -> groups.create(in)),
                        Map.entry("DeleteLogGroup", (in, rc) -> groups.delete(in)),
                        Map.entry("DescribeLogGroups", (in, rc) -> groups.describe(in)),
                        Map.entry("PutRetentionPolicy", (in, rc) -> groups.putRetention(in)),
                        Map.entry("DeleteRetentionPolicy", (in, rc) -> groups.deleteRetention(in)),
                        Map.entry("CreateLogStream", (in, rc) -> streams.create(in)),
                        Map.entry("DeleteLogStream", (in, rc) -> streams.delete(in)),
                        Map.entry("DescribeLogStreams", (in, rc) -> streams.describe(in)),
                        Map.entry("PutLogEvents", (in, rc) -> events.put(in)),
                        Map.entry("GetLogEvents", (in, rc) -> events.get(in)),
                        Map.entry("FilterLogEvents", (in, rc) -> events.filter(in))));
    }

    /** The operation names this service implements (for the compatibility matrix). */
    public Set<String> operationNames() {
        return operations.names();
    }

    @Override
    public String targetPrefix() {
        return "Logs_20140328";
    }

    @Override
    public dev.gantry.api.protocol.ErrorTable errors() {
        return LogsErrors.TABLE;
    }

    @Override
    public String signingName() {
        return "logs";
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        return operations.dispatch(operation, input, context);
    }
}
