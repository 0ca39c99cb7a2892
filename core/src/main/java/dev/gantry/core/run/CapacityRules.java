package dev.gantry.core.run;

import dev.gantry.core.error.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** launchType and capacityProviderStrategy: Gantry runs tasks on FARGATE, optionally as FARGATE_SPOT. */
final class CapacityRules {
    static final String FARGATE = "FARGATE";
    static final List<String> ECS_LAUNCH_TYPES = List.of("EC2", FARGATE, "EXTERNAL", "MANAGED_INSTANCES");
    static final List<String> PROVIDERS = List.of(FARGATE, "FARGATE_SPOT");
    static final String BOTH = "Specifying both a launch type and capacity provider strategy is not supported. "
            + "Remove one and try again.";
    static final int MAX_ITEMS = 20;
    static final int MAX_WEIGHT = 1000;
    static final int MAX_BASE = 100_000;

    private CapacityRules() {}

    static void validate(String launchType, List<CapacityProviderStrategyItem> strategy) {
        launchType(launchType);
        if (strategy == null || strategy.isEmpty()) {
            return;
        }
        if (launchType != null) {
            throw ApiException.invalidParameter(BOTH);
        }
        if (strategy.size() > MAX_ITEMS) {
            throw ApiException.invalidParameter("capacityProviderStrategy has " + strategy.size() + " items; the "
                    + "maximum is " + MAX_ITEMS + ".");
        }
        Set<String> seen = new HashSet<>();
        int withBase = 0;
        boolean anyWeight = false;
        for (CapacityProviderStrategyItem item : strategy) {
            String provider = item == null ? null : item.capacityProvider();
            if (provider == null || !PROVIDERS.contains(provider)) {
                throw ApiException.invalidParameter("Capacity provider '" + provider + "' is not available. Gantry "
                        + "provides " + String.join(" and ", PROVIDERS) + ".");
            }
            if (!seen.add(provider)) {
                throw ApiException.invalidParameter("Capacity provider '" + provider + "' appears more than once in "
                        + "capacityProviderStrategy; list each provider once.");
            }
            if (item.weightOrDefault() < 0 || item.weightOrDefault() > MAX_WEIGHT) {
                throw ApiException.invalidParameter("Capacity provider '" + provider + "' has weight " + item.weight()
                        + "; weight must be between 0 and " + MAX_WEIGHT + ".");
            }
            if (item.baseOrDefault() < 0 || item.baseOrDefault() > MAX_BASE) {
                throw ApiException.invalidParameter("Capacity provider '" + provider + "' has base " + item.base()
                        + "; base must be between 0 and " + MAX_BASE + ".");
            }
            withBase += item.baseOrDefault() > 0 ? 1 : 0;
            anyWeight |= item.weightOrDefault() > 0;
        }
        if (withBase > 1) {
            throw ApiException.invalidParameter("Only one capacity provider in a strategy can have a base greater "
                    + "than 0; set base on a single provider.");
        }
        if (strategy.size() > 1 && !anyWeight) {
            throw ApiException.invalidParameter("When a capacity provider strategy lists several providers, at "
                    + "least one must have a weight greater than 0.");
        }
    }

    private static void launchType(String launchType) {
        if (launchType == null || launchType.equals(FARGATE)) {
            return;
        }
        if (ECS_LAUNCH_TYPES.contains(launchType)) {
            throw ApiException.invalidParameter("Launch type '" + launchType + "' is not supported: Gantry runs "
                    + "tasks on FARGATE. Omit launchType or set it to FARGATE.");
        }
        throw ApiException.invalidParameter("Invalid launchType '" + launchType + "'. Valid values are "
                + String.join(", ", ECS_LAUNCH_TYPES) + "; Gantry runs tasks on FARGATE, so omit launchType or set "
                + "it to FARGATE.");
    }
}
