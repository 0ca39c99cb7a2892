package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An EFS-shaped volume ({@code volumes[].efsVolumeConfiguration}). Gantry maps it to a persistent volume it manages,
 * keyed by {@code fileSystemId} and the root directory or access point; {@code transitEncryption},
 * {@code transitEncryptionPort} and {@code authorizationConfig.iam} are accepted and checked, then have nothing to
 * act on locally. {@code authorizationConfig} holds {@code accessPointId} and {@code iam} (ENABLED | DISABLED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EfsVolumeConfiguration(
        String fileSystemId,
        String rootDirectory,
        String transitEncryption,
        Integer transitEncryptionPort,
        Map<String, String> authorizationConfig) {

    public String rootDirectoryOrDefault() {
        return rootDirectory == null || rootDirectory.isEmpty() ? "/" : rootDirectory;
    }

    public java.util.Optional<String> accessPointId() {
        return authorizationConfig == null
                ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(authorizationConfig.get("accessPointId"))
                        .filter(s -> !s.isEmpty());
    }
}
