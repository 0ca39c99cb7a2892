package dev.gantry.api.http;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.protocol.AwsService;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/** The immutable settings an {@link ApiServer} was built with; see {@link ApiServerBuilder} for meanings. */
record ServerConfig(
        String bindHost,
        int port,
        List<AwsService> services,
        List<HttpRoute> routes,
        Credentials credentials,
        dev.gantry.api.auth.Authorizer authorizer,
        InstantSource clock,
        Supplier<String> requestIds,
        int maxContentLength,
        java.util.Optional<String> region,
        int maxConcurrentRequests,
        int maxQueuedRequests,
        Duration requestReadTimeout) {

    ServerConfig {
        services = List.copyOf(services);
        routes = List.copyOf(routes);
    }
}
