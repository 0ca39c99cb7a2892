package dev.gantry.store.crypto;

/**
 * A sealed value could not be opened: it was sealed under another master key, for another context, or it was
 * altered. The message never contains any part of the value.
 */
public final class SealingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SealingException(String message) {
        super(message);
    }

    SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
