package dev.whiskstudio.app.debug.cdp;

/** {@code Debugger.setPauseOnExceptions}: {@code state} is {@code none}, {@code uncaught} or {@code all}. */
public record SetPauseOnExceptions(String state) {
    public static final String METHOD = "Debugger.setPauseOnExceptions";
}
