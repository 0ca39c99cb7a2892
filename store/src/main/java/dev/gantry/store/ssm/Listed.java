package dev.gantry.store.ssm;

import dev.gantry.core.ssm.ParameterVersion;
import java.util.Map;
import java.util.Objects;

/** A parameter as listings see it: its latest version (with that version's labels) and its tags. */
public record Listed(ParameterVersion latest, Map<String, String> tags) {
    public Listed {
        Objects.requireNonNull(latest, "latest");
        tags = Map.copyOf(tags);
    }
}
