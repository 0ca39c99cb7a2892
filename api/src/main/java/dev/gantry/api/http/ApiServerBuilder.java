package dev.gantry.api.http;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.protocol.AwsService;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Configures an {@link ApiServer}. Only {@link #credentials} is required; defaults: host {@code 127.0.0.1},
 * port 0 (ephemeral), no services, no extra routes, system clock, random UUID request ids, 8 MiB body limit.
 */
public final class ApiServerBuilder {

    /** Default maximum request body: 8 MiB. */
    public static final int DEFAULT_MAX_CONTENT_LENGTH = 8 * 1024 * 1024;

    private String bindHost = "127.0.0.1";
    private int port;
    private final List<AwsService> services = new ArrayList<>();
    private final List<HttpRoute> routes = new ArrayList<>();
    private Credentials credentials;
    private InstantSource clock = InstantSource.system();
    private java.util.Optional<String> region = java.util.Optional.empty();
    private Supplier<String> requestIds = () -> UUID.randomUUID().toString();
    private int maxContentLength = DEFAULT_MAX_CONTENT_LENGTH;

    ApiServerBuilder() {}

    /** Interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}. */
    public ApiServerBuilder bindHost(String host) {
        this.bindHost = Objects.requireNonNull(host, "host");
        return this;
    }

    /** TCP port; 0 picks a free one, readable from {@link ApiServer#port()} after start. */
    public ApiServerBuilder port(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Adds AWS services, each reached through its protocol binding: JSON services' X-Amz-Target prefixes must be
     * distinct, as must Query services' signing names.
     */
    public ApiServerBuilder services(List<? extends AwsService> more) {
        more.forEach(this::service);
        return this;
    }

    public ApiServerBuilder service(AwsService service) {
        services.add(Objects.requireNonNull(service, "service"));
        return this;
    }

    /** Adds an unsigned GET route. {@code /health} is built in and cannot be overridden. */
    public ApiServerBuilder route(HttpRoute route) {
        routes.add(Objects.requireNonNull(route, "route"));
        return this;
    }

    /** Who may call: the SigV4 access-key lookup. Required. */
    public ApiServerBuilder credentials(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return this;
    }

    /** Time for signature windows, {@code receivedAt} and the {@code Date} header. */
    /** Only requests whose credential scope names this region are accepted (default: any region). */
    public ApiServerBuilder region(String region) {
        this.region = java.util.Optional.of(Objects.requireNonNull(region, "region"));
        return this;
    }

    public ApiServerBuilder clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Source of request ids ({@code x-amzn-RequestId}); must be thread-safe. */
    public ApiServerBuilder requestIds(Supplier<String> requestIds) {
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
        return this;
    }

    /** Largest accepted request body in bytes; larger bodies get 413. */
    public ApiServerBuilder maxContentLength(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxContentLength must be positive: " + bytes);
        }
        this.maxContentLength = bytes;
        return this;
    }

    /** A server ready to {@link ApiServer#start()}. */
    public ApiServer build() {
        if (credentials == null) {
            throw new IllegalStateException("ApiServer needs credentials(...)");
        }
        return new ApiServer(new ServerConfig(bindHost, port, List.copyOf(services), List.copyOf(routes), credentials,
                clock, requestIds, maxContentLength, region));
    }
}
