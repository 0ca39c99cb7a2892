package dev.gantry.control.inject;

import dev.gantry.runtime.spi.RegistryAuth;
import java.util.Map;
import java.util.Optional;

/**
 * What one container is given at start: the variables of its environment files (merged, first file wins), its
 * secrets by variable name, and the credentials its image is pulled with. Held in memory only; {@link #toString()}
 * shows names, never values.
 */
public record ContainerInputs(
        Map<String, String> fromFiles, Map<String, String> secrets, Optional<RegistryAuth> registryAuth) {

    public static final ContainerInputs NONE = new ContainerInputs(Map.of(), Map.of(), Optional.empty());

    public ContainerInputs {
        fromFiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fromFiles));
        secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
    }

    @Override
    public String toString() {
        return "ContainerInputs[fromFiles=" + fromFiles.keySet() + ", secrets=" + secrets.keySet() + ", registryAuth="
                + registryAuth.map(a -> a.username()).orElse("none") + "]";
    }
}
