package dev.gantry.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of a capacity provider strategy: {@code weight} 0-1000 and {@code base} 0-100000, both default 0. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CapacityProviderStrategyItem(String capacityProvider, Integer weight, Integer base) {
    public int weightOrDefault() {
        return weight == null ? 0 : weight;
    }

    public int baseOrDefault() {
        return base == null ? 0 : base;
    }
}
