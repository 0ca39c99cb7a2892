package dev.gantry.core.ssm;

import java.util.Arrays;
import java.util.Optional;

/** A parameter's tier and the largest value it holds (in characters, as SSM's messages count). */
public enum ParameterTier {
    STANDARD("Standard", 4096),
    ADVANCED("Advanced", 8192),
    /** Chosen per version: Standard when the value fits and the parameter was never Advanced. Never stored. */
    INTELLIGENT_TIERING("Intelligent-Tiering", 8192);

    private final String wireName;
    private final int maxValue;

    ParameterTier(String wireName, int maxValue) {
        this.wireName = wireName;
        this.maxValue = maxValue;
    }

    public String wireName() {
        return wireName;
    }

    public int maxValue() {
        return maxValue;
    }

    public static Optional<ParameterTier> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static ParameterTier parse(String name, String member) {
        return fromWire(name)
                .orElseThrow(() -> SsmError.invalid(
                        name, member, "Member must satisfy enum value set: [Standard, Advanced, Intelligent-Tiering]"));
    }
}
