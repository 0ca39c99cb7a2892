/**
 * What an AWS service is, independent of its wire protocol: {@link dev.gantry.api.protocol.AwsService} (signing
 * name, {@link dev.gantry.api.protocol.ServiceBinding}, {@link dev.gantry.api.protocol.ErrorTable}, and
 * {@code handle(operation, JsonNode) → JsonNode}), the {@link dev.gantry.api.protocol.RequestContext} a handler
 * receives, each protocol's common error definitions ({@link dev.gantry.api.protocol.ProtocolErrors}), and the one
 * shared Jackson configuration ({@link dev.gantry.api.protocol.Json}) that reads and writes AWS-shaped JSON.
 *
 * <p>Depends on Jackson and {@code core} only; knows nothing about HTTP transport, XML or signatures.
 */
package dev.gantry.api.protocol;
