package dev.gantry.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AwsJsonService;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A scriptable AwsJsonService for tests: per-operation behaviour, and a record of every call it received. */
final class FakeService implements AwsJsonService {

    record Call(String operation, JsonNode input, RequestContext context) {}

    private final String targetPrefix;
    private final String signingName;
    private final Map<String, Function<JsonNode, JsonNode>> operations = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeService(String targetPrefix, String signingName) {
        this.targetPrefix = targetPrefix;
        this.signingName = signingName;
    }

    static FakeService ecs() {
        return new FakeService("AmazonEC2ContainerServiceV20141113", "ecs");
    }

    static FakeService logs() {
        return new FakeService("Logs_20140328", "logs");
    }

    FakeService on(String operation, Function<JsonNode, JsonNode> behaviour) {
        operations.put(operation, behaviour);
        return this;
    }

    FakeService onJson(String operation, String json) {
        return on(operation, input -> {
            try {
                return Json.mapper().readTree(json);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    @Override
    public String targetPrefix() {
        return targetPrefix;
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        calls.add(new Call(operation, input, context));
        Function<JsonNode, JsonNode> behaviour = operations.get(operation);
        if (behaviour == null) {
            throw new ApiException(ErrorCode.UNKNOWN_OPERATION, "Unknown operation " + operation);
        }
        return behaviour.apply(input);
    }
}
