/**
 * The HTTP edge: a Netty HTTP/1.1 server ({@link dev.gantry.api.http.ApiServer}) whose {@code Dispatcher} picks
 * the codec per request — AWS JSON ({@code POST /} + {@code X-Amz-Target}, {@code AwsJsonEndpoint}) or AWS Query
 * (a form-encoded {@code POST /}, service by SigV4 credential scope, {@code QueryEndpoint}) — verifies SigV4,
 * calls the protocol-free {@link dev.gantry.api.protocol.AwsService}, and renders every failure in the request's
 * protocol with the service's error table. Also serves unsigned {@code GET} {@link dev.gantry.api.http.HttpRoute}s.
 *
 * <p>Netty types stay inside {@code NettyChannelHandler} and {@code ApiServer}; everything else here works on the
 * transport-free {@link dev.gantry.api.http.InboundRequest} and {@link dev.gantry.api.http.HttpReply} records.
 * Handlers run on virtual threads, so they may block.
 */
package dev.gantry.api.http;
