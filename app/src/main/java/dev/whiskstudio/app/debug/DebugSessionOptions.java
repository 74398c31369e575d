package dev.whiskstudio.app.debug;

import javafx.application.Platform;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * How a {@link DebugSession} runs.
 *
 * @param uiExecutor       where the observable properties and lists change: {@code Platform::runLater} in the app, a
 *                         direct executor ({@code Runnable::run}) in tests and tools
 * @param http             the OkHttp client the inspector connection is derived from
 * @param connectTimeout   bound of the WebSocket connect
 * @param commandTimeout   bound of each protocol command's answer
 * @param startTimeout     bound of {@link DebugBackend#start()}
 * @param stopTimeout      bound of {@link DebugBackend#stop} when the session ends
 * @param evaluateTimeout  an evaluation running longer is stopped by the engine
 * @param stopOnEntry      stay paused at the program's first line when the target waits for the debugger
 *                         ({@code --inspect-brk}); otherwise the session lets it run to the first breakpoint
 * @param skipRuntimeFiles steps do not enter the runtime's files ({@code runtimeScript}) nor Node.js's modules
 * @param runtimeScript    which script URLs are the runtime's own (marked on stack frames), unless the source mapping
 *                         claims them for the user
 * @param consoleLimit     the console keeps this many last messages
 */
public record DebugSessionOptions(Executor uiExecutor, OkHttpClient http, Duration connectTimeout,
                                  Duration commandTimeout, Duration startTimeout, Duration stopTimeout,
                                  Duration evaluateTimeout, boolean stopOnEntry, boolean skipRuntimeFiles,
                                  Predicate<String> runtimeScript, int consoleLimit) {
    private static final OkHttpClient SHARED_HTTP = new OkHttpClient();

    public DebugSessionOptions {
        Objects.requireNonNull(uiExecutor, "uiExecutor");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(runtimeScript, "runtimeScript");
    }

    /** The defaults, with changes made on {@code uiExecutor}. */
    public static DebugSessionOptions defaults(Executor uiExecutor) {
        return new DebugSessionOptions(uiExecutor, SHARED_HTTP, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(5), false, true,
                RuntimeScripts::isRuntime, 10_000);
    }

    /** The defaults for the app: changes on the FX thread. */
    public static DebugSessionOptions forFx() {
        return defaults(Platform::runLater);
    }

    public DebugSessionOptions withStopOnEntry(boolean stop) {
        return new DebugSessionOptions(uiExecutor, http, connectTimeout, commandTimeout, startTimeout, stopTimeout,
                evaluateTimeout, stop, skipRuntimeFiles, runtimeScript, consoleLimit);
    }

    public DebugSessionOptions withSkipRuntimeFiles(boolean skip) {
        return new DebugSessionOptions(uiExecutor, http, connectTimeout, commandTimeout, startTimeout, stopTimeout,
                evaluateTimeout, stopOnEntry, skip, runtimeScript, consoleLimit);
    }

    public DebugSessionOptions withCommandTimeout(Duration timeout) {
        return new DebugSessionOptions(uiExecutor, http, connectTimeout, timeout, startTimeout, stopTimeout,
                evaluateTimeout, stopOnEntry, skipRuntimeFiles, runtimeScript, consoleLimit);
    }

    public DebugSessionOptions withStartTimeout(Duration timeout) {
        return new DebugSessionOptions(uiExecutor, http, connectTimeout, commandTimeout, timeout, stopTimeout,
                evaluateTimeout, stopOnEntry, skipRuntimeFiles, runtimeScript, consoleLimit);
    }

    public DebugSessionOptions withConnectTimeout(Duration timeout) {
        return new DebugSessionOptions(uiExecutor, http, timeout, commandTimeout, startTimeout, stopTimeout,
                evaluateTimeout, stopOnEntry, skipRuntimeFiles, runtimeScript, consoleLimit);
    }
}
