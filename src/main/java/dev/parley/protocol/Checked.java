package dev.parley.protocol;

import java.util.function.Function;

/// The outcome of decoding or validating: a value, or a typed refusal. Never an exception.
public sealed interface Checked<T> {

    record Ok<T>(T value) implements Checked<T> {}

    /// `ref` names what was refused (a message's `cid`, else its type); may be null.
    record Refused<T>(ErrorCode code, String message, String ref) implements Checked<T> {
        /// The same refusal, typed for another value.
        @SuppressWarnings("unchecked")
        public <U> Refused<U> cast() {
            return (Refused<U>) this;
        }
    }

    static <T> Checked<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Checked<T> refused(ErrorCode code, String message) {
        return new Refused<>(code, message, null);
    }

    static <T> Checked<T> refused(ErrorCode code, String message, String ref) {
        return new Refused<>(code, message, ref);
    }

    default <U> Checked<U> map(Function<? super T, ? extends U> mapper) {
        return flatMap(value -> ok(mapper.apply(value)));
    }

    /// The next check, on the value; a refusal goes on as it is, so that checks read in a row.
    default <U> Checked<U> flatMap(Function<? super T, Checked<U>> next) {
        return switch (this) {
            case Ok<T> ok -> next.apply(ok.value());
            case Refused<T> refused -> refused.cast();
        };
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /// The value; throws [IllegalStateException] when refused (tests and after an `isOk` check).
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Refused<T> refused -> throw new IllegalStateException(refused.code().wire() + ": " + refused.message());
        };
    }
}
