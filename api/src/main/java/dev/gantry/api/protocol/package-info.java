/**
 * The AWS JSON 1.0/1.1 protocol contract: the {@link dev.gantry.api.protocol.AwsJsonService} interface each AWS
 * service family implements, the {@link dev.gantry.api.protocol.RequestContext} it receives, and the one shared
 * Jackson configuration ({@link dev.gantry.api.protocol.Json}) that reads and writes AWS-shaped JSON.
 *
 * <p>Depends on Jackson and {@code core} only; knows nothing about HTTP transport or signatures.
 */
package dev.gantry.api.protocol;
