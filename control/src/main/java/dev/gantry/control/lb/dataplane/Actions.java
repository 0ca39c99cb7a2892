package dev.gantry.control.lb.dataplane;

import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.WeightedTargetGroup;
import dev.gantry.router.table.Action.FixedResponse;
import dev.gantry.router.table.Action.Forward;
import dev.gantry.router.table.Action.Redirect;
import dev.gantry.router.table.Action.WeightedGroup;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * ELBv2 actions → router actions. Of a listener's or rule's actions the one with the highest order answers (ELBv2
 * runs the others, such as authentication, first; Gantry has none). A forward whose weights are all 0 sends
 * nothing anywhere: ALB answers 503, so does the router. Group stickiness is not carried (documented).
 */
final class Actions {
    static final int NO_TARGET_STATUS = 503;

    private Actions() {}

    static dev.gantry.router.table.Action terminal(List<Action> actions) {
        Action last = actions.stream()
                .max(Comparator.comparingInt(Action::order))
                .orElseThrow(() -> new IllegalArgumentException("has no action"));
        return switch (last.type()) {
            case Action.FORWARD -> forward(last.targetGroups());
            case Action.FIXED_RESPONSE -> fixed(last.fixedResponse().orElseThrow());
            case Action.REDIRECT -> redirect(last.redirect().orElseThrow());
            default -> throw new IllegalArgumentException("action type " + last.type() + " is not supported");
        };
    }

    private static dev.gantry.router.table.Action forward(List<WeightedTargetGroup> groups) {
        if (groups.stream().mapToInt(WeightedTargetGroup::weight).sum() == 0) {
            return new FixedResponse(NO_TARGET_STATUS, Optional.empty(), Optional.empty());
        }
        return new Forward(groups.stream()
                .map(g -> new WeightedGroup(g.targetGroupArn(), g.weight()))
                .toList());
    }

    private static FixedResponse fixed(Action.FixedResponse f) {
        return new FixedResponse(Integer.parseInt(f.statusCode()), f.contentType(), f.messageBody());
    }

    /** ELBv2 keeps each part with its placeholder default ({@code #{host}}); the router's empty part means the same. */
    private static Redirect redirect(Action.Redirect r) {
        return new Redirect(
                part(r.protocol(), "#{protocol}"),
                part(r.host(), "#{host}"),
                part(r.port(), "#{port}"),
                part(r.path(), "/#{path}"),
                part(r.query(), "#{query}"),
                r.statusCode().equals("HTTP_301") ? 301 : 302);
    }

    private static Optional<String> part(String value, String placeholder) {
        return value.isEmpty() || value.equals(placeholder) ? Optional.empty() : Optional.of(value);
    }
}
