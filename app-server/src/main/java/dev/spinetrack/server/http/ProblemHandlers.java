package dev.spinetrack.server.http;

import dev.spinetrack.server.session.NotFoundException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps the API's exceptions to problem responses. */
@Factory
public class ProblemHandlers {

    /** One field's error. */
    record FieldError(String field, String reason) implements Error {
        @Override
        public Optional<String> getPath() {
            return Optional.of(field);
        }

        @Override
        public String getMessage() {
            return reason;
        }
    }

    static MutableHttpResponse<?> problem(ErrorResponseProcessor<?> processor, HttpRequest<?> request,
                                          Throwable cause, List<Error> errors, MutableHttpResponse<?> response) {
        return processor.processResponse(ErrorContext.builder(request).cause(cause).errors(errors).build(), response);
    }

    /** Unknown ids (or ids of another user): 404. */
    @Singleton
    static class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        NotFound(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, NotFoundException e) {
            return processor.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage())
                    .build(), HttpResponse.notFound());
        }
    }

    /** A refused input: 400 naming the field. */
    @Singleton
    static class BadRequest implements ExceptionHandler<BadRequestException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        BadRequest(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, BadRequestException e) {
            return problem(processor, request, e, List.of(new FieldError(e.field(), e.reason())),
                    HttpResponse.badRequest());
        }
    }

    /** Bean-validation failures: 400 with one entry per field (the last path node). */
    @Singleton
    @Replaces(ConstraintExceptionHandler.class)
    static class Constraints implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        Constraints(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
            List<Error> errors = new ArrayList<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                String field = "";
                for (Path.Node n : v.getPropertyPath()) {
                    field = n.getName();
                }
                errors.add(new FieldError(field, v.getMessage()));
            }
            return problem(processor, request, e, errors, HttpResponse.badRequest());
        }
    }
}
