package dev.spinetrack.server.http;

/** A request input was refused: which field and why. Maps to a 400 problem. */
public class BadRequestException extends RuntimeException {

    private final String field;
    private final String reason;

    public BadRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
