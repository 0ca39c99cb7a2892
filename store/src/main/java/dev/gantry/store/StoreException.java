package dev.gantry.store;

/** The database failed (I/O, corruption, a bug in SQL). Not a client error. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
