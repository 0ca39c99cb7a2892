package dev.gantry.api.http;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.protocol.AwsService;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Configures an {@link ApiServer}. Only {@link #credentials} is required; defaults: host {@code 127.0.0.1},
 * port 0 (ephemeral), no services, no extra routes, system clock, random UUID request ids, 8 MiB body limit,
 * 64 handler threads with 1,000 requests queued, a 20 s read timeout for a request under way.
 */
public final class ApiServerBuilder {

    /** Default maximum request body: 8 MiB. */
    public static final int DEFAULT_MAX_CONTENT_LENGTH = 8 * 1024 * 1024;
    /** Default number of requests handled at once (each on its own platform thread). */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    /** Default number of requests waiting for a handler thread before more are throttled. */
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 1_000;
    /** Default time a request under way may go without sending a byte. */
    public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(20);

    private String bindHost = "127.0.0.1";
    private int port;
    private final List<AwsService> services = new ArrayList<>();
    private final List<HttpRoute> routes = new ArrayList<>();
    private Credentials credentials;
    private dev.gantry.api.auth.Authorizer authorizer = dev.gantry.api.auth.Authorizer.ALLOW_ALL;
    private InstantSource clock = InstantSource.system();
    private java.util.Optional<String> region = java.util.Optional.empty();
    private Supplier<String> requestIds = () -> UUID.randomUUID().toString();
    private int maxContentLength = DEFAULT_MAX_CONTENT_LENGTH;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private int maxQueuedRequests = DEFAULT_MAX_QUEUED_REQUESTS;
    private Duration requestReadTimeout = DEFAULT_REQUEST_READ_TIMEOUT;

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

    /**
     * What an authenticated caller may do, asked before every service call (default: everything, as before IAM).
     */
    public ApiServerBuilder authorizer(dev.gantry.api.auth.Authorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        return this;
    }

    /** Only requests whose credential scope names this region are accepted (default: any region). */
    public ApiServerBuilder region(String region) {
        this.region = java.util.Optional.of(Objects.requireNonNull(region, "region"));
        return this;
    }

    /** Time for signature windows, {@code receivedAt} and the {@code Date} header. */
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

    /**
     * Requests handled at once, each on a platform thread (so a handler that computes cannot starve the others);
     * further requests wait in the queue ({@link #maxQueuedRequests}), beyond it they get ThrottlingException.
     */
    public ApiServerBuilder maxConcurrentRequests(int requests) {
        if (requests <= 0) {
            throw new IllegalArgumentException("maxConcurrentRequests must be positive: " + requests);
        }
        this.maxConcurrentRequests = requests;
        return this;
    }

    /** Requests that may wait for a handler thread; 0 means none wait. */
    public ApiServerBuilder maxQueuedRequests(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("maxQueuedRequests must not be negative: " + requests);
        }
        this.maxQueuedRequests = requests;
        return this;
    }

    /**
     * How long a request whose head or body has started to arrive may go without another byte; then it is answered
     * 400 RequestTimeout and its connection closed. Idle kept-alive connections between requests are not affected.
     */
    public ApiServerBuilder requestReadTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("requestReadTimeout must be positive: " + timeout);
        }
        this.requestReadTimeout = timeout;
        return this;
    }

    /** A server ready to {@link ApiServer#start()}. */
    public ApiServer build() {
        if (credentials == null) {
            throw new IllegalStateException("ApiServer needs credentials(...)");
        }
        return new ApiServer(new ServerConfig(
                bindHost,
                port,
                List.copyOf(services),
                List.copyOf(routes),
                credentials,
                authorizer,
                clock,
                requestIds,
                maxContentLength,
                region,
                maxConcurrentRequests,
                maxQueuedRequests,
                requestReadTimeout));
    }
}
