/**
 * The HTTP edge: a Netty HTTP/1.1 server ({@link dev.gantry.api.http.ApiServer}) that routes AWS JSON requests
 * ({@code POST /} + {@code X-Amz-Target}) to {@link dev.gantry.api.protocol.AwsJsonService}s after SigV4
 * verification, serves unsigned {@code GET} {@link dev.gantry.api.http.HttpRoute}s, and turns every failure into
 * AWS's JSON error shape in one place ({@code ErrorReplies}).
 *
 * <p>Netty types stay inside {@code NettyChannelHandler} and {@code ApiServer}; everything else here works on the
 * transport-free {@link dev.gantry.api.http.InboundRequest} and {@link dev.gantry.api.http.HttpReply} records.
 * Handlers run on virtual threads, so they may block.
 */
package dev.gantry.api.http;
