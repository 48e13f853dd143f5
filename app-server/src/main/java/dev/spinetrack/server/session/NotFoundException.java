package dev.spinetrack.server.session;

/** An id the current user cannot see: unknown, or someone else's. Maps to HTTP 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super("no " + what + " " + id);
    }
}
