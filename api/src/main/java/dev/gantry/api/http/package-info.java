/**
 * The HTTP edge: a Netty HTTP/1.1 server ({@link dev.gantry.api.http.ApiServer}) whose {@code Dispatcher} picks
 * the codec per request — AWS JSON ({@code POST /} + {@code X-Amz-Target}, {@code AwsJsonEndpoint}) or AWS Query
 * (a form-encoded {@code POST /}, service by SigV4 credential scope, {@code QueryEndpoint}) — verifies SigV4,
 * calls the protocol-free {@link dev.gantry.api.protocol.AwsService}, and renders every failure in the request's
 * protocol with the service's error table. Also serves unsigned {@code GET} {@link dev.gantry.api.http.HttpRoute}s.
 *
 * <p>Netty types stay inside the connection pipeline ({@code ApiServer}, {@code NettyChannelHandler},
 * {@code JsonErrorAggregator}, {@code RequestReadTimeout}, {@code Linger}); everything else here works on the
 * transport-free {@link dev.gantry.api.http.InboundRequest} and {@link dev.gantry.api.http.HttpReply} records.
 * Handlers run on a bounded pool of platform threads ({@code HandlerPool}, docs/adr/0008), so they may block or
 * compute without starving other requests; a request beyond the pool and its queue gets ThrottlingException.
 */
package dev.gantry.api.http;
