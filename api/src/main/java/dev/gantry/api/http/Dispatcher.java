package dev.gantry.api.http;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what answers a request, in one visible place: {@code GET /health}, then unsigned {@code GET} routes
 * (longest prefix first), then on {@code POST /} the protocol the request is framed in (a form-encoded body
 * without {@code X-Amz-Target} is AWS Query, anything else AWS JSON), else 404. Every reply gets a request id
 * and a {@code Date}; every exception becomes a reply here and nowhere else, rendered by the request's protocol
 * (JSON for everything that is not a Query request).
 */
final class Dispatcher {

    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final HttpRoute HEALTH = HttpRoute.of("/health", r -> HttpReply.text(200, "ok"));

    private final AwsJsonEndpoint awsJson;
    private final QueryEndpoint query;
    private final List<HttpRoute> routes;
    private final Supplier<String> requestIds;
    private final InstantSource clock;

    Dispatcher(
            AwsJsonEndpoint awsJson,
            QueryEndpoint query,
            List<HttpRoute> routes,
            Supplier<String> requestIds,
            InstantSource clock) {
        this.awsJson = awsJson;
        this.query = query;
        this.routes = routes.stream()
                .sorted(Comparator.comparingInt((HttpRoute r) -> r.pathPrefix().length())
                        .reversed())
                .toList();
        this.requestIds = requestIds;
        this.clock = clock;
    }

    /** Never throws: bugs become a 500 InternalFailure that names only the request id. */
    HttpReply dispatch(InboundRequest request) {
        String requestId = requestIds.get();
        ProtocolEndpoint protocol = protocolOf(request);
        HttpReply reply;
        try {
            reply = Objects.requireNonNull(route(request, protocol, requestId), "a handler returned a null reply");
        } catch (ApiException e) {
            LOG.atDebug()
                    .addKeyValue("requestId", requestId)
                    .addKeyValue("error", e.code().wireName())
                    .addKeyValue("message", e.getMessage())
                    .log("request rejected");
            reply = render(protocol, request, e, requestId);
        } catch (RuntimeException | Error e) { // a bug, even an Error, still gets an answer, not a dropped connection
            LOG.atError()
                    .addKeyValue("requestId", requestId)
                    .addKeyValue("method", request.method())
                    .addKeyValue("path", request.path())
                    .addKeyValue("target", request.header("x-amz-target").orElse(""))
                    .setCause(e)
                    .log("request failed with an unexpected error");
            reply = render(
                    protocol,
                    request,
                    new ApiException(ErrorCode.INTERNAL_FAILURE, ErrorReplies.internalFailure(requestId)),
                    requestId);
        }
        return stamp(reply, requestId);
    }

    /** The error in the request's protocol; should rendering itself fail, the JSON InternalFailure. */
    private static HttpReply render(
            ProtocolEndpoint protocol, InboundRequest request, ApiException e, String requestId) {
        try {
            return protocol.error(request, e, requestId);
        } catch (RuntimeException bug) {
            LOG.atError().addKeyValue("requestId", requestId).setCause(bug).log("could not render an error reply");
            return ErrorReplies.internal(requestId);
        }
    }

    /** An error decided before any handler ran (throttled), rendered in the request's protocol like any other. */
    HttpReply refuse(InboundRequest request, ApiException error) {
        String requestId = requestIds.get();
        return stamp(render(protocolOf(request), request, error, requestId), requestId);
    }

    /** Adds the headers every reply carries, including replies made outside {@link #dispatch}. */
    HttpReply stamp(HttpReply reply, String requestId) {
        return reply.withHeader(REQUEST_ID_HEADER, requestId).withHeader("Date", HTTP_DATE.format(clock.instant()));
    }

    String newRequestId() {
        return requestIds.get();
    }

    /** The protocol a request is framed in; JSON unless it is a Query request. */
    private ProtocolEndpoint protocolOf(InboundRequest request) {
        return request.method().equals("POST") && request.path().equals("/") && query.accepts(request)
                ? query
                : awsJson;
    }

    private HttpReply route(InboundRequest request, ProtocolEndpoint protocol, String requestId) {
        if (request.method().equals("GET")) {
            Optional<HttpRoute> route = HEALTH.matches(request.path())
                    ? Optional.of(HEALTH)
                    : routes.stream().filter(r -> r.matches(request.path())).findFirst();
            if (route.isPresent()) {
                return route.get().handle(request);
            }
        }
        if (request.method().equals("POST") && request.path().equals("/")) {
            return protocol.handle(request, requestId);
        }
        return ErrorReplies.of(
                ErrorCode.UNKNOWN_OPERATION, 404, ErrorReplies.noRoute(request.method(), request.path()));
    }
}
