package dev.whiskstudio.app.debug.cdp;

/** The {@code Runtime.exceptionThrown} event: an exception nobody caught. */
public record ExceptionThrown(double timestamp, ExceptionDetails exceptionDetails) {
    public static final String EVENT = "Runtime.exceptionThrown";
}
