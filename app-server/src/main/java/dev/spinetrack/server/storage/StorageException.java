package dev.spinetrack.server.storage;

/** A database operation failed; the message says which. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
