package dev.spinetrack.server.payload;

/** A message that cannot be accepted; the message says why. Counted, logged and acknowledged. */
public class BadPayloadException extends RuntimeException {
    public BadPayloadException(String reason) {
        super(reason);
    }
}
