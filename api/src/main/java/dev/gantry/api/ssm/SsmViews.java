package dev.gantry.api.ssm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.ssm.ParameterRef;
import dev.gantry.core.ssm.ParameterVersion;
import dev.gantry.store.ssm.ParameterStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** SSM's output shapes (Parameter, ParameterMetadata, ParameterHistory) from stored versions. */
final class SsmViews {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ParameterStore store;

    SsmViews(ParameterStore store) {
        this.store = store;
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static void time(ObjectNode o, String member, Instant t) {
        o.put(member, BigDecimal.valueOf(t.toEpochMilli(), 3));
    }

    private String value(ParameterVersion v, boolean decrypt) {
        return decrypt ? store.reveal(v) : store.ciphertext(v);
    }

    ObjectNode parameter(ParameterVersion v, boolean decrypt, Optional<ParameterRef.Selector> selector) {
        ObjectNode o = object();
        o.put("Name", v.name());
        o.put("Type", v.type().wireName());
        o.put("Value", value(v, decrypt));
        o.put("Version", v.version());
        selector.ifPresent(s -> o.put("Selector", s.text()));
        time(o, "LastModifiedDate", v.modifiedAt());
        o.put("ARN", store.arn(v.name()));
        o.put("DataType", v.dataType());
        return o;
    }

    ObjectNode metadata(ParameterVersion v) {
        ObjectNode o = object();
        o.put("Name", v.name());
        o.put("ARN", store.arn(v.name()));
        o.put("Type", v.type().wireName());
        v.keyId().ifPresent(k -> o.put("KeyId", k));
        time(o, "LastModifiedDate", v.modifiedAt());
        o.put("LastModifiedUser", v.modifiedBy());
        v.description().ifPresent(d -> o.put("Description", d));
        v.allowedPattern().ifPresent(p -> o.put("AllowedPattern", p));
        o.put("Version", v.version());
        o.put("Tier", v.tier().wireName());
        o.putArray("Policies");
        o.put("DataType", v.dataType());
        return o;
    }

    ObjectNode history(ParameterVersion v, boolean decrypt) {
        ObjectNode o = object();
        o.put("Name", v.name());
        o.put("Type", v.type().wireName());
        v.keyId().ifPresent(k -> o.put("KeyId", k));
        time(o, "LastModifiedDate", v.modifiedAt());
        o.put("LastModifiedUser", v.modifiedBy());
        v.description().ifPresent(d -> o.put("Description", d));
        o.put("Value", value(v, decrypt));
        v.allowedPattern().ifPresent(p -> o.put("AllowedPattern", p));
        o.put("Version", v.version());
        ArrayNode labels = o.putArray("Labels");
        v.labels().forEach(labels::add);
        o.put("Tier", v.tier().wireName());
        o.putArray("Policies");
        o.put("DataType", v.dataType());
        return o;
    }
}
