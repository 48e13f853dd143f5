package dev.spinetrack.server.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders every JSON error response of the server (ours and Micronaut's: bad JSON, conversion
 * errors, unknown routes) as {@code application/problem+json}.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        List<FieldProblem> errors = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (Error e : context.getErrors()) {
            if (e.getPath().isPresent()) {
                errors.add(new FieldProblem(e.getPath().get(), e.getMessage()));
            }
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            detail.append(e.getPath().map(p -> p + ": ").orElse("")).append(e.getMessage());
        }
        return new Problem("about:blank", response.getStatus().getReason(), response.getStatus().getCode(),
                detail.isEmpty() ? null : detail.toString(), errors);
    }

    @Override
    public String contentType() {
        return "application/problem+json";
    }
}
