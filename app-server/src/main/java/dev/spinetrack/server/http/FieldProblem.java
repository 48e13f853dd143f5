package dev.spinetrack.server.http;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What was wrong with one input.
 *
 * @param field  the field, parameter or path variable
 * @param reason why it was refused
 */
@Serdeable
public record FieldProblem(String field, String reason) {
}
