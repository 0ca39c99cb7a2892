package dev.gantry.api.elbv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.lb.LoadBalancing;
import dev.gantry.control.lb.RuleView;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.LbTag;
import dev.gantry.core.lb.RuleCondition;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Listener rules, SetRulePriorities, and tags. */
final class RuleHandlers {
    private final LoadBalancing lb;

    RuleHandlers(LoadBalancing lb) {
        this.lb = lb;
    }

    private static ObjectNode rules(List<RuleView> rules) {
        ObjectNode out = Views.object();
        ArrayNode a = out.putArray("Rules");
        rules.forEach(r -> a.add(Views.rule(r)));
        return out;
    }

    JsonNode create(JsonNode input) {
        In in = new In(input);
        RuleView r = lb.rules()
                .create(
                        in.required("ListenerArn"),
                        in.integer("Priority"),
                        WireActions.conditions(in.objects("Conditions")),
                        WireActions.actions(in.objects("Actions")),
                        in.tags("Tags"));
        return rules(List.of(r));
    }

    JsonNode describe(JsonNode input) {
        In in = new In(input);
        ObjectNode out = Views.object();
        Paging.page(in, out, "Rules", lb.rules().describe(in.text("ListenerArn"), in.texts("RuleArns")), Views::rule);
        return out;
    }

    JsonNode modify(JsonNode input) {
        In in = new In(input);
        Optional<List<RuleCondition>> conditions =
                in.has("Conditions") ? Optional.of(WireActions.conditions(in.objects("Conditions"))) : Optional.empty();
        Optional<List<Action>> actions =
                in.has("Actions") ? Optional.of(WireActions.actions(in.objects("Actions"))) : Optional.empty();
        return rules(List.of(lb.rules().modify(in.required("RuleArn"), conditions, actions)));
    }

    JsonNode delete(JsonNode input) {
        lb.rules().delete(new In(input).required("RuleArn"));
        return Views.object();
    }

    JsonNode setPriorities(JsonNode input) {
        List<Map.Entry<String, Integer>> moves = new ArrayList<>();
        for (In p : new In(input).objects("RulePriorities")) {
            moves.add(new AbstractMap.SimpleEntry<>(
                    p.required("RuleArn"),
                    p.integer("Priority")
                            .orElseThrow(() -> dev.gantry.core.error.ApiException.invalidParameter(
                                    "Each RulePriorities entry needs a Priority from 1 to 50000."))));
        }
        return rules(lb.rules().setPriorities(moves));
    }

    JsonNode addTags(JsonNode input) {
        In in = new In(input);
        lb.tags().add(in.texts("ResourceArns"), in.tags("Tags"));
        return Views.object();
    }

    JsonNode removeTags(JsonNode input) {
        In in = new In(input);
        lb.tags().remove(in.texts("ResourceArns"), in.texts("TagKeys"));
        return Views.object();
    }

    JsonNode describeTags(JsonNode input) {
        Map<String, List<LbTag>> tags = new LinkedHashMap<>(lb.tags().describe(new In(input).texts("ResourceArns")));
        ObjectNode out = Views.object();
        ArrayNode descriptions = out.putArray("TagDescriptions");
        tags.forEach((arn, list) -> {
            ObjectNode d = descriptions.addObject();
            d.put("ResourceArn", arn);
            ArrayNode t = d.putArray("Tags");
            list.forEach(tag -> t.addObject().put("Key", tag.key()).put("Value", tag.value()));
        });
        return out;
    }
}
