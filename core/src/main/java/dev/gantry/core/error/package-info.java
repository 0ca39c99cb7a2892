/**
 * Named errors a client may see: {@link dev.gantry.core.error.ApiException} carries an
 * {@link dev.gantry.core.error.ErrorCode} (AWS's error name) and a message that says what to change. The API edge
 * renders them in the service's protocol; anything else escaping a handler is a bug.
 */
package dev.gantry.core.error;
