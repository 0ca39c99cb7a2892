package dev.gantry.control.lb;

import dev.gantry.core.lb.LbTag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AddTags, RemoveTags and DescribeTags: every ARN must name an existing load balancer, group, listener or rule. */
public final class LbTags {
    static final String NOT_ELB = "'%s' is not the ARN of an ELBv2 load balancer, target group, listener or rule.";

    private final LbContext ctx;

    public LbTags(LbContext ctx) {
        this.ctx = ctx;
    }

    private void requireExists(String arn) {
        if (arn.contains(":loadbalancer/")) {
            ctx.loadBalancer(arn);
        } else if (arn.contains(":targetgroup/")) {
            ctx.targetGroup(arn);
        } else if (arn.contains(":listener/")) {
            ctx.lbs().listener(arn).orElseThrow(() -> LbFailures.listenerNotFound(arn));
        } else if (arn.contains(":listener-rule/")) {
            boolean exists = ctx.lbs().rule(arn).isPresent()
                    || ctx.lbs()
                            .listener(arn.substring(0, Math.max(0, arn.lastIndexOf('/')))
                                    .replace(":listener-rule/", ":listener/"))
                            .filter(l -> l.defaultRuleArn().equals(arn))
                            .isPresent();
            if (!exists) {
                throw LbFailures.ruleNotFound(arn);
            }
        } else {
            throw LbFailures.validation(String.format(NOT_ELB, arn));
        }
    }

    public void add(List<String> arns, List<LbTag> tags) {
        for (String arn : arns) {
            requireExists(arn);
            long others = ctx.tags().list(arn).stream()
                    .filter(t -> tags.stream().noneMatch(n -> n.key().equals(t.key())))
                    .count();
            LbNames.checkTags(tags, (int) others);
        }
        arns.forEach(arn -> ctx.tags().add(arn, tags));
    }

    public void remove(List<String> arns, List<String> keys) {
        arns.forEach(this::requireExists);
        arns.forEach(arn -> ctx.tags().remove(arn, keys));
    }

    public Map<String, List<LbTag>> describe(List<String> arns) {
        Map<String, List<LbTag>> out = new LinkedHashMap<>();
        for (String arn : arns) {
            requireExists(arn);
            out.put(arn, ctx.tags().list(arn));
        }
        return out;
    }
}
