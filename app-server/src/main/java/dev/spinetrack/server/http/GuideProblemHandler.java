package dev.spinetrack.server.http;

import dev.spinetrack.server.http.FieldProblem;
import dev.spinetrack.server.http.Problem;
import dev.spinetrack.server.guided.run.GuideException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A refused guided-session request as a problem document: 400 when the input is wrong, 409
 * when it clashes with the session's state (e.g. "next" after it finished).
 */
@Singleton
public class GuideProblemHandler implements ExceptionHandler<GuideException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, GuideException e) {
        HttpStatus status = e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return HttpResponse.status(status).contentType("application/problem+json").body(new Problem("about:blank",
                status.getReason(), status.getCode(), e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage()))));
    }
}
