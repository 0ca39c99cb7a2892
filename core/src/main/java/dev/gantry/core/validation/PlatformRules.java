package dev.gantry.core.validation;

import dev.gantry.core.error.ApiException;
import java.util.Map;

/**
 * runtimePlatform and ephemeralStorage. Gantry runs Linux containers on the host's own architecture, so it refuses
 * a platform it would otherwise run as something else; ephemeral storage is checked against Fargate's range.
 */
final class PlatformRules {
    private PlatformRules() {}

    static void validate(Map<String, String> runtimePlatform, Map<String, Integer> ephemeralStorage, String hostArch) {
        if (runtimePlatform != null) {
            String os = runtimePlatform.getOrDefault("operatingSystemFamily", "LINUX");
            if (!"LINUX".equals(os)) {
                throw ApiException.client("runtimePlatform.operatingSystemFamily " + os + " is not supported: Gantry "
                        + "runs Linux containers. Use LINUX or omit runtimePlatform.");
            }
            String arch = runtimePlatform.getOrDefault("cpuArchitecture", hostArch);
            if (!hostArch.equals(arch)) {
                throw ApiException.client("runtimePlatform.cpuArchitecture " + arch + " does not match this host ("
                        + hostArch + "). Use " + hostArch + " or omit cpuArchitecture.");
            }
        }
        if (ephemeralStorage != null) {
            Integer size = ephemeralStorage.get("sizeInGiB");
            if (size == null || size < 21 || size > 200) {
                throw ApiException.client("ephemeralStorage.sizeInGiB must be from 21 to 200 (Fargate's default "
                        + "without it is 20); got " + size + ".");
            }
        }
    }

    /** The host's architecture in ECS's spelling. */
    static String hostArchitecture() {
        String arch = System.getProperty("os.arch", "amd64");
        return arch.equals("aarch64") || arch.equals("arm64") ? "ARM64" : "X86_64";
    }
}
