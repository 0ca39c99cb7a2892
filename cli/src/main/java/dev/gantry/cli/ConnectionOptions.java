package dev.gantry.cli;

import picocli.CommandLine.Option;

/**
 * Options every command shares (a picocli mixin). Defaults are computed from the environment when the command
 * object is created, so {@code --help} shows the effective value.
 */
public final class ConnectionOptions {

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "Gantry's API endpoint (env GANTRY_ENDPOINT; default: ${DEFAULT-VALUE}).")
    String endpoint = Defaults.endpoint(System.getenv());

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "Region to sign requests for (env GANTRY_REGION or AWS_REGION; default: ${DEFAULT-VALUE}).")
    String region = Defaults.region(System.getenv());

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster (default: ${DEFAULT-VALUE}).")
    String cluster = Defaults.CLUSTER;

    String endpoint() {
        return endpoint;
    }

    String region() {
        return region;
    }

    String cluster() {
        return cluster;
    }
}
