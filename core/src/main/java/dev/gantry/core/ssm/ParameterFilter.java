package dev.gantry.core.ssm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One ParameterStringFilter: a key ({@code Name}, {@code Type}, {@code tag:Env}…), an option and values. */
public record ParameterFilter(String key, Optional<String> option, List<String> values) {
    public ParameterFilter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(option, "option");
        values = List.copyOf(values);
    }

    /** The option, or the key's default ({@code OneLevel} for Path, {@code Equals} otherwise). */
    public String effectiveOption() {
        return option.orElse(key.equals("Path") ? "OneLevel" : "Equals");
    }
}
