package dev.gantry.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * ELBv2 listener actions and rule conditions in one line each, as {@code gantry lb} shows them:
 * {@code forward web-blue 80 (80%), web-green 20 (20%)}, {@code fixed-response 503 text/plain "down"},
 * {@code redirect 301 to HTTPS://#{host}:443/#{path}?#{query}}, {@code path-pattern /api/*, /v2/*}. Target groups
 * are named through the given function (their names, where known). Pure.
 */
final class LbRules {
    static final int BODY_WIDTH = 30;

    private LbRules() {}

    /** The actions in their {@code order}, joined with {@code then}. */
    static String actions(List<Action> actions, Function<String, String> groupName) {
        if (actions.isEmpty()) {
            return TaskFacts.NONE;
        }
        return actions.stream()
                .sorted(Comparator.comparing(Action::order, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(a -> action(a, groupName))
                .collect(Collectors.joining(" then "));
    }

    static String action(Action a, Function<String, String> groupName) {
        String type = TaskFacts.orNone(a.typeAsString());
        return switch (type) {
            case "forward" -> forward(a, groupName);
            case "fixed-response" -> fixedResponse(a.fixedResponseConfig());
            case "redirect" -> redirect(a.redirectConfig());
            default -> type;
        };
    }

    /** The conditions joined with {@code and} (a rule matches when all of them do); none is {@code -}. */
    static String conditions(List<RuleCondition> conditions) {
        if (conditions.isEmpty()) {
            return TaskFacts.NONE;
        }
        return conditions.stream().map(LbRules::condition).collect(Collectors.joining(" and "));
    }

    static String condition(RuleCondition c) {
        String field = TaskFacts.orNone(c.field());
        List<String> values = new ArrayList<>();
        switch (field) {
            case "path-pattern" -> {
                if (c.pathPatternConfig() != null) {
                    values.addAll(c.pathPatternConfig().values());
                    c.pathPatternConfig().regexValues().forEach(r -> values.add("~" + r));
                }
            }
            case "host-header" -> {
                if (c.hostHeaderConfig() != null) {
                    values.addAll(c.hostHeaderConfig().values());
                    c.hostHeaderConfig().regexValues().forEach(r -> values.add("~" + r));
                }
            }
            case "http-header" -> {
                if (c.httpHeaderConfig() != null) {
                    List<String> v = new ArrayList<>(c.httpHeaderConfig().values());
                    c.httpHeaderConfig().regexValues().forEach(r -> v.add("~" + r));
                    return field + " " + c.httpHeaderConfig().httpHeaderName() + "=" + String.join(", ", v);
                }
            }
            case "query-string" -> {
                if (c.queryStringConfig() != null) {
                    c.queryStringConfig()
                            .values()
                            .forEach(kv -> values.add(kv.key() == null ? kv.value() : kv.key() + "=" + kv.value()));
                }
            }
            case "http-request-method" -> {
                if (c.httpRequestMethodConfig() != null) {
                    values.addAll(c.httpRequestMethodConfig().values());
                }
            }
            case "source-ip" -> {
                if (c.sourceIpConfig() != null) {
                    values.addAll(c.sourceIpConfig().values());
                }
            }
            default -> {
                // a field this CLI does not know: its legacy values, below
            }
        }
        if (values.isEmpty()) {
            values.addAll(c.values()); // the legacy form: Field and Values only
        }
        return field + " " + (values.isEmpty() ? TaskFacts.NONE : String.join(", ", values));
    }

    private static String forward(Action a, Function<String, String> groupName) {
        ForwardActionConfig f = a.forwardConfig();
        if (f == null || f.targetGroups().isEmpty()) {
            return "forward " + (a.targetGroupArn() == null ? TaskFacts.NONE : groupName.apply(a.targetGroupArn()));
        }
        List<TargetGroupTuple> groups = f.targetGroups();
        String targets;
        if (groups.size() == 1) {
            targets = groupName.apply(groups.get(0).targetGroupArn());
        } else {
            int total = groups.stream()
                    .mapToInt(g -> g.weight() == null ? 0 : g.weight())
                    .sum();
            targets = groups.stream()
                    .map(g -> groupName.apply(g.targetGroupArn()) + " " + weight(g.weight(), total))
                    .collect(Collectors.joining(", "));
        }
        if (f.targetGroupStickinessConfig() != null
                && Boolean.TRUE.equals(f.targetGroupStickinessConfig().enabled())) {
            targets += " (sticky "
                    + TaskFacts.orNone(f.targetGroupStickinessConfig().durationSeconds()) + "s)";
        }
        return "forward " + targets;
    }

    private static String weight(Integer weight, int total) {
        if (weight == null) {
            return "?";
        }
        return total == 0 ? weight.toString() : weight + " (" + Math.round(weight * 100.0 / total) + "%)";
    }

    private static String fixedResponse(FixedResponseActionConfig f) {
        if (f == null) {
            return "fixed-response";
        }
        StringBuilder sb = new StringBuilder("fixed-response ").append(TaskFacts.orNone(f.statusCode()));
        if (f.contentType() != null) {
            sb.append(' ').append(f.contentType());
        }
        if (f.messageBody() != null && !f.messageBody().isEmpty()) {
            String body = f.messageBody().replace("\n", "\\n");
            if (body.codePointCount(0, body.length()) > BODY_WIDTH) {
                body = body.substring(0, body.offsetByCodePoints(0, BODY_WIDTH - 1)) + "…";
            }
            sb.append(" \"").append(body).append('"');
        }
        return sb.toString();
    }

    private static String redirect(RedirectActionConfig r) {
        if (r == null) {
            return "redirect";
        }
        String status = r.statusCodeAsString() == null
                ? TaskFacts.NONE
                : r.statusCodeAsString().replace("HTTP_", "");
        String path = r.path() == null ? "/#{path}" : r.path();
        return "redirect " + status + " to " + or(r.protocol(), "#{protocol}") + "://" + or(r.host(), "#{host}") + ":"
                + or(r.port(), "#{port}") + path + "?" + or(r.query(), "#{query}");
    }

    private static String or(String value, String dflt) {
        return value == null ? dflt : value;
    }
}
