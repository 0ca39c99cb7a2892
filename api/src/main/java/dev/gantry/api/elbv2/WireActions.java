package dev.gantry.api.elbv2;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.RuleCondition;
import dev.gantry.core.lb.WeightedTargetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads actions and rule conditions from their wire shapes: a forward as {@code TargetGroupArn} or
 * {@code ForwardConfig} (or both, naming the same group); a condition in its legacy {@code Values} form
 * (path-pattern and host-header) or its {@code *Config} form. What the values must be is {@code control/lb}'s.
 */
final class WireActions {
    static final String UNSUPPORTED =
            "Action type '%s' is not supported by Gantry; use forward, fixed-response or" + " redirect.";
    static final String FORWARD_TARGET = "A forward action needs TargetGroupArn or ForwardConfig.TargetGroups.";
    static final String BOTH = "Give TargetGroupArn or ForwardConfig, not both, unless ForwardConfig names only that"
            + " same target group.";
    static final String MISSING_CONFIG = "An action of type %s needs its %s.";
    static final String FOREIGN_CONFIG = "An action of type %s cannot carry %s; remove it.";
    static final String WEIGHT = "Target group weight %d is not valid; give a weight from 0 to 999.";
    static final String CONDITION_FORM = "Condition '%s' is given both as Values and as %s; use %s only.";
    static final String LEGACY_VALUES = "Condition field '%s' takes its values in %s, not in Values.";
    static final String NO_FIELD = "Condition field '%s' is not supported; use path-pattern, host-header,"
            + " http-header, query-string, http-request-method or source-ip.";
    static final String REGEX = "RegexValues are not supported by Gantry; use Values with the wildcards * and ?.";
    static final String HEADER_NAME = "An http-header condition needs HttpHeaderConfig.HttpHeaderName.";

    private WireActions() {}

    static List<Action> actions(List<In> wire) {
        List<Action> out = new ArrayList<>();
        for (int i = 0; i < wire.size(); i++) {
            out.add(action(wire.get(i), i + 1));
        }
        out.sort(java.util.Comparator.comparingInt(Action::order));
        return out;
    }

    private static Action action(In a, int position) {
        String type = a.required("Type");
        int order = a.integer("Order").orElse(position);
        switch (type) {
            case Action.FORWARD -> {
                foreign(a, type, "FixedResponseConfig", "RedirectConfig");
                return Action.forward(order, groups(a), stickiness(a.object("ForwardConfig")));
            }
            case Action.FIXED_RESPONSE -> {
                foreign(a, type, "TargetGroupArn", "ForwardConfig", "RedirectConfig");
                In f = config(a, type, "FixedResponseConfig");
                return new Action(
                        type,
                        order,
                        List.of(),
                        Optional.empty(),
                        Optional.of(new Action.FixedResponse(
                                f.required("StatusCode"), f.text("ContentType"), f.text("MessageBody"))),
                        Optional.empty());
            }
            case Action.REDIRECT -> {
                foreign(a, type, "TargetGroupArn", "ForwardConfig", "FixedResponseConfig");
                In r = config(a, type, "RedirectConfig");
                return new Action(
                        type,
                        order,
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new Action.Redirect(
                                r.text("Protocol").orElse("#{protocol}"),
                                r.text("Port").orElse("#{port}"),
                                r.text("Host").orElse("#{host}"),
                                r.text("Path").orElse("/#{path}"),
                                r.text("Query").orElse("#{query}"),
                                r.required("StatusCode"))));
            }
            default -> throw new ApiException(LbError.INVALID_LOAD_BALANCER_ACTION, String.format(UNSUPPORTED, type));
        }
    }

    private static In config(In a, String type, String name) {
        if (!a.has(name)) {
            throw ApiException.invalidParameter(String.format(MISSING_CONFIG, type, name));
        }
        return a.object(name);
    }

    private static void foreign(In a, String type, String... names) {
        for (String n : names) {
            if (a.has(n)) {
                throw ApiException.invalidParameter(String.format(FOREIGN_CONFIG, type, n));
            }
        }
    }

    private static List<WeightedTargetGroup> groups(In a) {
        Optional<String> single = a.text("TargetGroupArn");
        List<WeightedTargetGroup> configured = new ArrayList<>();
        for (In g : a.object("ForwardConfig").objects("TargetGroups")) {
            int weight = g.integer("Weight").orElse(1);
            if (weight < 0 || weight > 999) {
                throw ApiException.invalidParameter(String.format(WEIGHT, weight));
            }
            configured.add(new WeightedTargetGroup(g.required("TargetGroupArn"), weight));
        }
        if (single.isPresent() && !configured.isEmpty()) {
            if (configured.size() != 1
                    || !configured.getFirst().targetGroupArn().equals(single.get())) {
                throw ApiException.invalidParameter(BOTH);
            }
            return configured;
        }
        if (single.isPresent()) {
            return List.of(new WeightedTargetGroup(single.get(), 1));
        }
        if (configured.isEmpty()) {
            throw ApiException.invalidParameter(FORWARD_TARGET);
        }
        return configured;
    }

    private static Optional<Integer> stickiness(In forward) {
        In s = forward.object("TargetGroupStickinessConfig");
        if (!s.bool("Enabled").orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(s.integer("DurationSeconds").orElse(3600));
    }

    static List<RuleCondition> conditions(List<In> wire) {
        List<RuleCondition> out = new ArrayList<>();
        for (In c : wire) {
            out.add(condition(c));
        }
        return out;
    }

    private static RuleCondition condition(In c) {
        String field = c.required("Field");
        if (c.has("RegexValues")) {
            throw ApiException.invalidParameter(REGEX);
        }
        String configName = switch (field) {
            case RuleCondition.PATH_PATTERN -> "PathPatternConfig";
            case RuleCondition.HOST_HEADER -> "HostHeaderConfig";
            case RuleCondition.HTTP_HEADER -> "HttpHeaderConfig";
            case RuleCondition.QUERY_STRING -> "QueryStringConfig";
            case RuleCondition.HTTP_REQUEST_METHOD -> "HttpRequestMethodConfig";
            case RuleCondition.SOURCE_IP -> "SourceIpConfig";
            default -> throw ApiException.invalidParameter(String.format(NO_FIELD, field));
        };
        boolean legacyAllowed = field.equals(RuleCondition.PATH_PATTERN) || field.equals(RuleCondition.HOST_HEADER);
        In config = c.object(configName);
        if (config.has("RegexValues")) {
            throw ApiException.invalidParameter(REGEX);
        }
        if (c.has("Values") && c.has(configName)) {
            throw ApiException.invalidParameter(String.format(CONDITION_FORM, field, configName, configName));
        }
        if (c.has("Values") && !legacyAllowed) {
            throw ApiException.invalidParameter(String.format(LEGACY_VALUES, field, configName + ".Values"));
        }
        if (field.equals(RuleCondition.QUERY_STRING)) {
            List<RuleCondition.QueryStringPair> pairs = new ArrayList<>();
            for (In kv : config.objects("Values")) {
                pairs.add(new RuleCondition.QueryStringPair(
                        kv.text("Key"), kv.text("Value").orElse("")));
            }
            return new RuleCondition(field, List.of(), Optional.empty(), pairs);
        }
        Optional<String> header = Optional.empty();
        if (field.equals(RuleCondition.HTTP_HEADER)) {
            header = Optional.of(
                    config.text("HttpHeaderName").orElseThrow(() -> ApiException.invalidParameter(HEADER_NAME)));
            dev.gantry.control.lb.ConditionRules.checkHeaderName(header.get());
        }
        List<String> values = c.has("Values") ? c.texts("Values") : config.texts("Values");
        return new RuleCondition(field, values, header, List.of());
    }
}
