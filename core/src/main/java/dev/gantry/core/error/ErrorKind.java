package dev.gantry.core.error;

/**
 * A named kind of error a client should see. It says <em>what</em> went wrong, not how the wire shows it: the
 * answering service's error table (in {@code api/}) gives each kind its AWS error code, HTTP status and fault for
 * that service and protocol. {@link ErrorCode} holds the kinds core and every service share; a service declares
 * its own kinds beside its handlers.
 */
public interface ErrorKind {

    /** The AWS error name used when the answering service's table does not rename this kind. */
    String wireName();
}
