package dev.spinetrack.protocol;

import java.util.Objects;
import java.util.function.Function;

/**
 * Outcome of decoding: a value or a {@link DecodeError}, never an exception.
 *
 * @param <T> the decoded type
 */
public sealed interface DecodeResult<T> permits DecodeResult.Ok, DecodeResult.Err {

    /** A successfully decoded value. */
    record Ok<T>(T value) implements DecodeResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A rejected input. */
    record Err<T>(DecodeError error) implements DecodeResult<T> {
        public Err {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> DecodeResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> DecodeResult<T> err(DecodeErrorKind kind, String field, int offset, String detail) {
        return new Err<>(new DecodeError(kind, field, offset, detail));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link IllegalStateException} with the error when this is an error. */
    default T orThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException(((Err<T>) this).error().toString());
    }

    /** The error, or {@code null} when this is a value. */
    default DecodeError errorOrNull() {
        return this instanceof Err<T> err ? err.error() : null;
    }

    /** Maps the value, passing an error through unchanged. */
    default <R> DecodeResult<R> map(Function<T, R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Err<>(((Err<T>) this).error());
    }
}
