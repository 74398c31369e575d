package dev.whiskstudio.app.debug;

/**
 * What an evaluation gave: a value, or an exception (also a syntax error, a refused side effect): {@code thrown} is
 * then true and {@code value} the thrown value, with {@code error} its message for the user.
 */
public record EvalResult(RemoteValue value, boolean thrown, String error) {
    static EvalResult of(RemoteValue value) {
        return new EvalResult(value, false, null);
    }

    static EvalResult thrown(RemoteValue value, String error) {
        return new EvalResult(value, true, error);
    }

    /** The text to show: the value's, or the error's. */
    public String text() {
        return thrown ? error : value.text();
    }
}
