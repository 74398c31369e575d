package dev.whiskstudio.app.debug.cdp;

import java.util.List;

/**
 * The {@code Runtime.consoleAPICalled} event: {@code type} is log, debug, info, error, warning, dir, table, trace,
 * assert...; {@code timestamp} in milliseconds since the epoch.
 */
public record ConsoleApiCalled(String type, List<RemoteObject> args, int executionContextId, double timestamp,
                               StackTrace stackTrace) {
    public static final String EVENT = "Runtime.consoleAPICalled";

    public ConsoleApiCalled {
        args = args == null ? List.of() : args;
    }
}
