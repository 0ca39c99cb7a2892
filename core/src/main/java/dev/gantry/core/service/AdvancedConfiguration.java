package dev.gantry.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * A load balancer's {@code advancedConfiguration} for BLUE_GREEN, LINEAR and CANARY: the alternate target group the
 * new revision is registered in, the production and test listener rules whose forward weights move, and the IAM
 * role (recorded, not used: Gantry needs no role to change its own router).
 */
public record AdvancedConfiguration(
        String alternateTargetGroupArn,
        String productionListenerRule,
        Optional<String> testListenerRule,
        Optional<String> roleArn) {
    public AdvancedConfiguration {
        Objects.requireNonNull(alternateTargetGroupArn, "alternateTargetGroupArn");
        Objects.requireNonNull(productionListenerRule, "productionListenerRule");
        testListenerRule = testListenerRule == null ? Optional.empty() : testListenerRule;
        roleArn = roleArn == null ? Optional.empty() : roleArn;
    }
}
