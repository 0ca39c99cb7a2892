package dev.gantry.api.http;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import io.netty.handler.codec.http.HttpHeaders;

/** The answers the HTTP edge gives when a limit is hit: too many requests at once, a request that stopped arriving. */
final class LimitReplies {

    /** What AWS answers a throttled JSON request; SDKs retry it with backoff. */
    static final String RATE_EXCEEDED = "Rate exceeded";
    /** AWS's wording (S3's RequestTimeout) for a request body that stopped arriving. */
    static final String REQUEST_TIMEOUT = "Your socket connection to the server was not read from or written to"
            + " within the timeout period. Idle connections will be closed.";

    private LimitReplies() {}

    /** Rendered in the request's protocol ({@link Dispatcher#refuse}): ThrottlingException in JSON, Throttling in Query. */
    static ApiException throttled() {
        return new ApiException(ErrorCode.THROTTLING, RATE_EXCEEDED);
    }

    /** In the protocol the head read so far suggests (JSON when none was read). */
    static HttpReply requestTimeout(Dispatcher dispatcher, HttpHeaders head) {
        return EdgeReplies.reply(dispatcher, head, ErrorCode.REQUEST_TIMEOUT, 400, REQUEST_TIMEOUT);
    }
}
