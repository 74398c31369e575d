package dev.whiskstudio.app.debug.cdp;

/**
 * {@code Runtime.ExceptionDetails}: where and what was thrown; {@code exception} is the thrown value, whose
 * {@code description} carries the message and stack of an Error.
 */
public record ExceptionDetails(int exceptionId, String text, int lineNumber, int columnNumber, String scriptId,
                               String url, StackTrace stackTrace, RemoteObject exception,
                               Integer executionContextId) {
}
