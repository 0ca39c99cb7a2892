package dev.gantry.api.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.ssm.ParameterNames;
import dev.gantry.core.ssm.ParameterRef;
import dev.gantry.core.ssm.ParameterTag;
import dev.gantry.core.ssm.ParameterTier;
import dev.gantry.core.ssm.ParameterType;
import dev.gantry.core.ssm.ParameterVersion;
import dev.gantry.core.ssm.PutParameter;
import dev.gantry.core.ssm.SsmError;
import dev.gantry.core.ssm.SsmMessages;
import dev.gantry.store.ssm.ParameterStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** PutParameter, GetParameter, GetParameters, DeleteParameter, DeleteParameters. */
final class ParameterHandlers {
    private final ParameterStore store;
    private final SsmViews views;
    private final String region;
    private final String account;

    ParameterHandlers(ParameterStore store, SsmViews views, String region, String account) {
        this.store = store;
        this.views = views;
        this.region = region;
        this.account = account;
    }

    JsonNode put(JsonNode body, RequestContext rc) {
        SsmInput in = new SsmInput(body);
        String name = ParameterNames.checkNew(in.required("Name"), store.arnPrefix());
        String value = in.required("Value");
        List<ParameterTag> tags = new ArrayList<>();
        for (JsonNode t : in.list("Tags")) {
            SsmInput tag = new SsmInput(t);
            tags.add(ParameterTag.checked(tag.required("Key"), tag.required("Value")));
        }
        if (in.string("Policies").isPresent()) {
            throw SsmError.VALIDATION.error(
                    "Gantry does not support parameter policies (Policies) yet; see" + " docs/compat/ssm.md.");
        }
        PutParameter request = new PutParameter(
                name,
                value,
                in.string("Type").map(t -> ParameterType.parse(t, "type")),
                in.string("KeyId"),
                in.bool("Overwrite"),
                in.string("Tier").map(t -> ParameterTier.parse(t, "tier")),
                in.string("Description"),
                in.string("AllowedPattern"),
                in.string("DataType"),
                tags,
                rc.principalArn());
        ParameterStore.PutResult result = store.put(request);
        ObjectNode out = SsmViews.object();
        out.put("Version", result.version());
        out.put("Tier", result.tier().wireName());
        return out;
    }

    private ParameterRef ref(String reference) {
        ParameterNames.checkExisting(
                reference.startsWith("arn:") ? "x" : reference.split(":", -1)[0]);
        return ParameterRef.parse(reference, region, account)
                .orElseThrow(() -> SsmError.PARAMETER_NOT_FOUND.error(SsmMessages.notFound(reference)));
    }

    JsonNode get(JsonNode body) {
        SsmInput in = new SsmInput(body);
        String reference = in.required("Name");
        boolean decrypt = in.bool("WithDecryption"); // every member is read before any is acted on, as AWS does
        ParameterRef ref = ref(reference);
        ParameterVersion v = store.get(ref);
        ObjectNode out = SsmViews.object();
        out.set("Parameter", views.parameter(v, decrypt, ref.selector()));
        return out;
    }

    JsonNode getMany(JsonNode body) {
        SsmInput in = new SsmInput(body);
        List<String> names = in.strings("Names", 1, 10, true);
        boolean decrypt = in.bool("WithDecryption");
        List<ObjectNode> found = new ArrayList<>();
        LinkedHashSet<String> invalid = new LinkedHashSet<>();
        for (String reference : new LinkedHashSet<>(names)) {
            Optional<ParameterRef> ref = parse(reference);
            Optional<ParameterVersion> v = ref.flatMap(store::find);
            if (v.isPresent()) {
                found.add(views.parameter(v.get(), decrypt, ref.get().selector()));
            } else {
                invalid.add(reference);
            }
        }
        found.sort(Comparator.comparing(o -> o.get("Name").asText()));
        ObjectNode out = SsmViews.object();
        out.putArray("Parameters").addAll(found);
        ArrayNode bad = out.putArray("InvalidParameters");
        invalid.forEach(bad::add);
        return out;
    }

    private Optional<ParameterRef> parse(String reference) {
        try {
            return Optional.of(ref(reference));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    JsonNode delete(JsonNode body) {
        SsmInput in = new SsmInput(body);
        String name = ParameterNames.checkExisting(in.required("Name"));
        if (!store.delete(name)) {
            throw SsmError.PARAMETER_NOT_FOUND.error(SsmMessages.notFound(name));
        }
        return SsmViews.object();
    }

    JsonNode deleteMany(JsonNode body) {
        SsmInput in = new SsmInput(body);
        List<String> names = in.strings("Names", 1, 10, true);
        ObjectNode out = SsmViews.object();
        ArrayNode deleted = out.putArray("DeletedParameters");
        ArrayNode invalid = out.putArray("InvalidParameters");
        for (String name : new LinkedHashSet<>(names)) {
            if (deletes(name)) {
                deleted.add(name);
            } else {
                invalid.add(name);
            }
        }
        return out;
    }

    private boolean deletes(String name) {
        try {
            return store.delete(ParameterNames.checkExisting(name));
        } catch (ApiException e) {
            return false;
        }
    }
}
