package dev.spinetrack.protocol;

import java.util.Objects;

/**
 * A typed decode failure naming the field and the byte offset where it was detected.
 *
 * @param kind   what went wrong
 * @param field  the PROTOCOL.md name of the field being read
 * @param offset byte offset of that field within the decoded input
 * @param detail a human sentence with the offending value
 */
public record DecodeError(DecodeErrorKind kind, String field, int offset, String detail) {

    public DecodeError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
    }

    /** The canonical one-line form used in logs and test vectors: {@code KIND field@offset}. */
    public String code() {
        return kind + " " + field + "@" + offset;
    }

    @Override
    public String toString() {
        return code() + ": " + detail;
    }
}
