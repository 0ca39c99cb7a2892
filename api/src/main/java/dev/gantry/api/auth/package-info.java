/**
 * Who is calling: AWS Signature Version 4 verification ({@link dev.gantry.api.auth.SigV4Verifier}) against a
 * {@link dev.gantry.api.auth.Credentials} lookup of {@link dev.gantry.api.auth.Principal}s.
 *
 * <p>Pure and transport-free: it sees a {@link dev.gantry.api.auth.SignableRequest} (method, raw path and query,
 * headers, body bytes) and the current time, and either returns the principal or throws a named
 * {@link dev.gantry.core.error.ApiException}. Message wording lives in {@code AuthMessages} and follows AWS.
 */
package dev.gantry.api.auth;
