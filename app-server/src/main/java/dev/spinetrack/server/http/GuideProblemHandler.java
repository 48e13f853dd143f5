package dev.spinetrack.server.http;

import dev.spinetrack.server.guided.run.GuideException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A refused guided-session request as a problem document: 400 when the input is wrong, 409
 * when it clashes with the session's state (e.g. "next" after it finished).
 */
@Singleton
public class GuideProblemHandler implements ExceptionHandler<GuideException, HttpResponse<?>> {

    /**
     * A problem document plus, when a start was refused because a guided session runs on the
     * device, that session's id ({@code running}).
     */
    @Serdeable
    public record GuideProblem(String type, String title, int status, @Nullable String detail,
                               List<FieldProblem> errors, @Nullable Long running) {
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, GuideException e) {
        HttpStatus status = e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return HttpResponse.status(status).contentType("application/problem+json").body(new GuideProblem("about:blank",
                status.getReason(), status.getCode(), e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())),
                e.running()));
    }
}
