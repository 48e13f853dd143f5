package dev.spinetrack.server.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param type   {@code about:blank}: the status says it all
 * @param title  the status phrase
 * @param status HTTP status
 * @param detail what went wrong, for people
 * @param errors per-field problems, may be empty
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail, List<FieldProblem> errors) {
}
