package dev.whiskstudio.app.debug;

import dev.whiskstudio.app.debug.cdp.BreakpointResolved;
import dev.whiskstudio.app.debug.cdp.CdpConnection;
import dev.whiskstudio.app.debug.cdp.CdpException;
import dev.whiskstudio.app.debug.cdp.CloseReason;
import dev.whiskstudio.app.debug.cdp.Commands;
import dev.whiskstudio.app.debug.cdp.ConsoleApiCalled;
import dev.whiskstudio.app.debug.cdp.ExceptionThrown;
import dev.whiskstudio.app.debug.cdp.ExecutionContexts;
import dev.whiskstudio.app.debug.cdp.Paused;
import dev.whiskstudio.app.debug.cdp.ScriptParsed;
import dev.whiskstudio.app.debug.cdp.SetBlackboxPatterns;
import dev.whiskstudio.app.debug.cdp.SetBlackboxedRanges;
import dev.whiskstudio.app.debug.cdp.SetPauseOnExceptions;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One debugging session of one Node.js program over its inspector: breakpoints by user file and line, exception
 * pauses, run control, the paused stack with the user's locations, variables read lazily, evaluation in a paused
 * frame, the program's console, and a clean end.
 *
 * <p>Life: create it, set breakpoints (kept until the session starts), then {@link #launch} it through a
 * {@link DebugBackend} (which starts the program and is told when it is paused, and stops it at the end) or
 * {@link #attach} it to an inspector URL. It ends once, for good, when the program finishes, the process exits or the
 * connection drops, or {@link #close()} is called; {@link #ended()} and {@link #endProperty()} say why.
 *
 * <p>Threading: every method may be called from any thread, the FX thread included, and returns at once; the work
 * runs on the session's own thread and the returned futures complete there (hand results to the UI with
 * {@code thenAcceptAsync(..., Platform::runLater)}; do not block in a plain {@code thenAccept} on another of the
 * session's futures: it would wait for its own thread). A command that cannot be done now (a step while not paused, any
 * command after the end) fails its future at once with a {@link DebugException} whose message is for the user ("The
 * program is not paused."). Every wait is bounded ({@link DebugSessionOptions}). The observable properties and lists
 * change only through the options' {@code uiExecutor} (the FX thread in the app); the plain getters
 * ({@link #state()}, {@link #paused()}, ...) read the session's own current values from any thread.
 */
public final class DebugSession {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final String BREAK_ON_START = "Break on start";

    private final DebugSessionOptions options;
    private final String name;
    private final ExecutorService sessionThread;
    /** The session's thread, or the caller's once the session has ended and its thread is gone. */
    private final Executor onSession;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<DebugState> stateProperty = new ReadOnlyObjectWrapper<>(DebugState.NEW);
    private final ReadOnlyObjectWrapper<PausedState> pausedProperty = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SessionEnd> endProperty = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ExceptionPause> exceptionPauseProperty =
            new ReadOnlyObjectWrapper<>(ExceptionPause.NONE);

    // the session's own values: written on its thread, read from any
    private volatile DebugState state = DebugState.NEW;
    private volatile PausedState paused;
    private volatile SessionEnd end;
    private volatile BackendLink backend;
    private final CompletableFuture<SessionEnd> ended = new CompletableFuture<>();
    /** Futures of {@link #nextPause()}; guarded by itself, taken all at once when a pause comes. */
    private final List<CompletableFuture<PausedState>> pauseWaiters = new ArrayList<>();
    private final ScriptIndex scripts = new ScriptIndex();
    private final SessionBreakpoints breakpoints;
    private final ConsoleFeed console;

    // the session thread's alone
    private final Set<Integer> contexts = new HashSet<>();
    private final PauseReader pauseReader;
    private CdpConnection connection;
    private ValueInspector values;
    private ExceptionPause exceptionPause = ExceptionPause.NONE;
    private PauseReader.LastCommand lastCommand = PauseReader.LastCommand.NONE;
    private long pauseCount;

    public DebugSession(DebugSessionOptions options) {
        this.options = options;
        this.name = "debug-session-" + COUNT.incrementAndGet();
        this.sessionThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.onSession = task -> {
            try {
                sessionThread.execute(task);
            } catch (RejectedExecutionException gone) {
                task.run();
            }
        };
        this.ui = options.uiExecutor();
        this.breakpoints = new SessionBreakpoints(scripts, onSession, ui);
        this.console = new ConsoleFeed(scripts, ui, options.consoleLimit());
        this.pauseReader = new PauseReader(scripts, options.runtimeScript());
    }

    // ---- starting

    /**
     * Starts the program through {@code backend} and attaches to it: the mapping of the user's files is made for
     * the target the backend started (its script URL, its work directory). The future completes when the session
     * runs with every breakpoint applied, or fails (the session then ends, {@code FAILED}) with a readable reason.
     */
    public CompletableFuture<Void> launch(DebugBackend backend, Function<DebugTarget, SourceMapping> mappingFor) {
        return call(() -> {
            requireNew();
            setState(DebugState.STARTING);
            BackendLink link = new BackendLink(backend, name + "-backend");
            this.backend = link;
            CompletableFuture<Void> started = link.start(options.startTimeout())
                    .thenComposeAsync(target -> {
                        requireNotEnded();
                        scripts.useMapping(mappingFor.apply(target));
                        return connect(target.inspectorUrl());
                    }, onSession);
            return failTheSessionOnError(started, "The debug session could not start");
        });
    }

    /**
     * Attaches to a program already waiting for a debugger at {@code inspectorUrl}
     * ({@code ws://127.0.0.1:PORT/ID}); nothing is told or stopped at the end but the connection, which is closed
     * after letting a paused program go on.
     */
    public CompletableFuture<Void> attach(String inspectorUrl, SourceMapping mapping) {
        return call(() -> {
            requireNew();
            setState(DebugState.STARTING);
            scripts.useMapping(mapping);
            return failTheSessionOnError(connect(inspectorUrl), "Cannot attach the debugger");
        });
    }

    private CompletableFuture<Void> failTheSessionOnError(CompletableFuture<Void> work, String what) {
        return work.whenCompleteAsync((v, e) -> {
            if (e != null && end == null) {
                end(SessionEnd.Kind.FAILED, what + ": " + messageOf(e));
            }
        }, onSession);
    }

    private CompletableFuture<Void> connect(String inspectorUrl) {
        return CdpConnection.open(options.http(), inspectorUrl, options.connectTimeout(), options.commandTimeout())
                .thenComposeAsync(conn -> {
                    if (end != null) {
                        conn.close();
                        throw DebugException.ended(end);
                    }
                    connection = conn;
                    values = new ValueInspector(conn, options.evaluateTimeout());
                    listen(conn);
                    return initialise(conn);
                }, onSession);
    }

    private void listen(CdpConnection conn) {
        conn.on(ScriptParsed.EVENT, ScriptParsed.class, e -> onSession.execute(() -> onScriptParsed(e)));
        conn.on(BreakpointResolved.EVENT, BreakpointResolved.class,
                e -> onSession.execute(() -> breakpoints.resolved(e)));
        conn.on(Paused.EVENT, Paused.class, e -> onSession.execute(() -> onPaused(e)));
        conn.on(Commands.RESUMED_EVENT, e -> onSession.execute(this::onResumed));
        conn.on(ConsoleApiCalled.EVENT, ConsoleApiCalled.class,
                e -> onSession.execute(() -> console.consoleApiCalled(e)));
        conn.on(ExceptionThrown.EVENT, ExceptionThrown.class, e -> onSession.execute(() -> console.exceptionThrown(e)));
        conn.on(ExecutionContexts.CREATED, ExecutionContexts.Created.class,
                e -> onSession.execute(() -> contexts.add(e.context().id())));
        conn.on(ExecutionContexts.DESTROYED, ExecutionContexts.Destroyed.class,
                e -> onSession.execute(() -> onContextDestroyed(e.executionContextId())));
        conn.closed().thenAcceptAsync(this::onConnectionClosed, onSession);
    }

    /** Enables the domains and applies every breakpoint (all sent at once), then lets a waiting program run. */
    private CompletableFuture<Void> initialise(CdpConnection conn) {
        List<CompletableFuture<?>> steps = new ArrayList<>();
        steps.add(conn.send(Commands.RUNTIME_ENABLE));
        steps.add(conn.send(Commands.DEBUGGER_ENABLE));
        steps.add(conn.send(SetPauseOnExceptions.METHOD, new SetPauseOnExceptions(exceptionPause.protocolState())));
        if (options.skipRuntimeFiles()) {
            // Node.js 20 ignores this for its own modules (see onPaused); later engines may not. Optional.
            steps.add(conn.send(SetBlackboxPatterns.METHOD, new SetBlackboxPatterns(List.of("^node:")))
                    .exceptionally(e -> null));
        }
        steps.addAll(breakpoints.connect(conn));
        return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
                .thenCompose(v -> conn.send(Commands.RUN_IF_WAITING))
                .thenAcceptAsync(v -> {
                    if (state == DebugState.STARTING) {
                        setState(DebugState.RUNNING);
                    }
                }, onSession);
    }

    // ---- breakpoints

    /**
     * Sets a breakpoint, replacing one on the same file and line. The status says whether it is bound in the running
     * code (and on which line: the engine moves it to the next statement), waiting (the session has not started or
     * the script has not loaded yet), not part of the debugged code, or refused.
     */
    public CompletableFuture<BreakpointStatus> setBreakpoint(Breakpoint breakpoint) {
        return call(() -> {
            requireNotEnded();
            return breakpoints.set(breakpoint);
        });
    }

    /** Takes the breakpoint off a file's line, if there is one. */
    public CompletableFuture<Void> removeBreakpoint(Path file, int line) {
        return call(() -> {
            requireNotEnded();
            return breakpoints.remove(file, line);
        });
    }

    /**
     * Makes the file's breakpoints exactly {@code fileBreakpoints} (as the editor's gutter has them): others of the
     * file are removed, new or changed ones set, unchanged ones kept. Answers their statuses, in the same order.
     */
    public CompletableFuture<List<BreakpointStatus>> setBreakpoints(Path file, Collection<Breakpoint> fileBreakpoints) {
        return call(() -> {
            requireNotEnded();
            return breakpoints.setFile(file, fileBreakpoints);
        });
    }

    /** When thrown exceptions pause the program. */
    public CompletableFuture<Void> setExceptionPause(ExceptionPause mode) {
        return call(() -> {
            requireNotEnded();
            exceptionPause = mode;
            ui.execute(() -> exceptionPauseProperty.set(mode));
            if (connection == null) {
                return CompletableFuture.completedFuture(null);
            }
            return connection.send(SetPauseOnExceptions.METHOD, new SetPauseOnExceptions(mode.protocolState()))
                    .thenApply(r -> (Void) null);
        });
    }

    // ---- run control

    /** Lets the paused program run on. */
    public CompletableFuture<Void> resume() {
        return go(Commands.RESUME, PauseReader.LastCommand.NONE);
    }

    /** Runs to the next line of the paused function (calls run through). */
    public CompletableFuture<Void> stepOver() {
        return go(Commands.STEP_OVER, PauseReader.LastCommand.STEP);
    }

    /** Runs into the call on the current line, or to the next line. */
    public CompletableFuture<Void> stepInto() {
        return go(Commands.STEP_INTO, PauseReader.LastCommand.STEP);
    }

    /** Runs until the paused function returns to its caller. */
    public CompletableFuture<Void> stepOut() {
        return go(Commands.STEP_OUT, PauseReader.LastCommand.STEP);
    }

    /** Pauses the running program at its next statement (a program already paused stays so). */
    public CompletableFuture<Void> pause() {
        return call(() -> {
            requireConnected();
            if (state == DebugState.PAUSED) {
                return CompletableFuture.completedFuture(null);
            }
            lastCommand = PauseReader.LastCommand.PAUSE;
            return command(Commands.PAUSE);
        });
    }

    private CompletableFuture<Void> go(String method, PauseReader.LastCommand kind) {
        return call(() -> {
            requirePaused();
            lastCommand = kind;
            // the pause is over as soon as the command is sent: a second command must not go out for it
            running();
            return command(method);
        });
    }

    private CompletableFuture<Void> command(String method) {
        return connection.send(method).handle((r, e) -> {
            if (e != null) {
                throw translate(e);
            }
            return null;
        });
    }

    // ---- values

    /** The variables of a scope of the current pause, in the engine's order. */
    public CompletableFuture<List<Variable>> variables(FrameScope scope) {
        return call(() -> {
            requirePaused();
            if (scope.pauseId() != paused.pauseId()) {
                throw new DebugException("Those variables are gone: the program has moved on.");
            }
            return scope.objectId() == null ? CompletableFuture.completedFuture(List.of())
                    : translated(values.properties(scope.objectId()));
        });
    }

    /** The own properties of an object or function value (getters are listed, not called). */
    public CompletableFuture<List<Variable>> properties(RemoteValue value) {
        return call(() -> {
            requirePaused();
            return value.objectId() == null ? CompletableFuture.completedFuture(List.of())
                    : translated(values.properties(value.objectId()));
        });
    }

    /** Calls an accessor's getter, when the user asks for its value; what it throws is the result. */
    public CompletableFuture<EvalResult> invokeGetter(Variable accessor) {
        return call(() -> {
            requirePaused();
            return translated(values.invokeGetter(accessor));
        });
    }

    /**
     * Evaluates {@code expression} in a frame of the current pause: for the console, a watch, or a hover (which the
     * engine refuses when the code would change anything). An exception, a syntax error or a refusal is the result
     * ({@link EvalResult#thrown()}), not a failure; the future fails only when the program is not paused or the
     * frame belongs to an earlier pause.
     */
    public CompletableFuture<EvalResult> evaluate(String expression, StackFrame frame, EvalPurpose purpose) {
        return call(() -> {
            requirePaused();
            if (frame.pauseId() != paused.pauseId()) {
                throw new DebugException("That stack frame is gone: the program has moved on.");
            }
            return translated(values.evaluate(frame.callFrameId(), expression, purpose));
        });
    }

    private <T> CompletableFuture<T> translated(CompletableFuture<T> work) {
        return work.handle((v, e) -> {
            if (e != null) {
                throw translate(e);
            }
            return v;
        });
    }

    // ---- ending

    /**
     * Ends the session: a program started by a backend is stopped (its container removed); one merely attached to is
     * let go on. The future completes with the end (the first reason, if it had already ended), once the backend has
     * stopped the target or the stop bound has passed.
     */
    public CompletableFuture<SessionEnd> close() {
        onSession.execute(() -> end(SessionEnd.Kind.CLOSED, "The debug session was closed."));
        return ended;
    }

    /** Completes when the session has ended and its target has been stopped; never fails. */
    public CompletableFuture<SessionEnd> ended() {
        return ended;
    }

    /**
     * Completes at the session's next pause (one that begins after this call), or fails when the session ends first.
     * For tools and tests; a UI observes {@link #pausedProperty()}.
     */
    public CompletableFuture<PausedState> nextPause() {
        CompletableFuture<PausedState> next = new CompletableFuture<>();
        synchronized (pauseWaiters) {
            SessionEnd e = end;
            if (e != null) {
                next.completeExceptionally(DebugException.ended(e));
            } else {
                pauseWaiters.add(next);
            }
        }
        return next;
    }

    private void onConnectionClosed(CloseReason reason) {
        if (end != null) {
            return;
        }
        end(SessionEnd.Kind.DISCONNECTED, reason.failure() != null
                ? "The debugged process ended: the connection to it was lost."
                : "The debugged process closed the debugger connection.");
    }

    private void onContextDestroyed(int id) {
        if (contexts.remove(id) && contexts.isEmpty() && end == null) {
            // Node.js waits for the debugger to go before it exits; closing the connection lets it
            end(SessionEnd.Kind.FINISHED, "The program finished.");
        }
    }

    private void end(SessionEnd.Kind kind, String message) {
        if (end != null) {
            return;
        }
        SessionEnd e = new SessionEnd(kind, message);
        boolean wasPaused = state == DebugState.PAUSED;
        end = e;
        state = DebugState.ENDED;
        paused = null;
        ui.execute(() -> {
            pausedProperty.set(null);
            stateProperty.set(DebugState.ENDED);
            endProperty.set(e);
        });
        for (CompletableFuture<PausedState> waiter : takePauseWaiters()) {
            waiter.completeExceptionally(DebugException.ended(e));
        }
        CdpConnection conn = connection;
        BackendLink link = backend;
        if (link == null) {
            if (conn != null && conn.isOpen()) {
                if (wasPaused) {
                    conn.send(Commands.RESUME); // queued before the close frame: the program goes on
                }
                conn.close();
            }
            sessionThread.shutdown();
            ended.complete(e);
            return;
        }
        // the target goes first: closing the connection first would let a paused activation run on meanwhile
        link.stop(options.stopTimeout()).whenComplete((v, err) -> {
            if (conn != null) {
                conn.close();
            }
            sessionThread.shutdown();
            ended.complete(e);
        });
    }

    // ---- events

    private void onScriptParsed(ScriptParsed e) {
        scripts.parsed(e);
        String url = e.url() == null ? "" : e.url();
        // the proxy's own files (not Node.js's modules: see onPaused) are skipped by steps
        if (options.skipRuntimeFiles() && !url.isEmpty() && !RuntimeScripts.isNodeInternal(url)
                && options.runtimeScript().test(url) && scripts.userLocation(url, 0, 0).isEmpty()) {
            connection.send(SetBlackboxedRanges.METHOD, SetBlackboxedRanges.wholeScript(e.scriptId()));
        }
    }

    private void onPaused(Paused event) {
        if (end != null) {
            return;
        }
        if (BREAK_ON_START.equals(event.reason()) && !options.stopOnEntry()
                && lastCommand != PauseReader.LastCommand.PAUSE) {
            // the session counts as running from runIfWaitingForDebugger on; a pause asked for meanwhile is this one
            connection.send(Commands.RESUME);
            return;
        }
        PausedState p = pauseReader.read(event, pauseCount + 1, lastCommand, breakpoints.hit(event.hitBreakpoints()));
        if (p.reason() == PauseReason.STEP && options.skipRuntimeFiles() && p.topFrame().runtime()) {
            // a step that left the user's code: out of the runtime back to the user's caller, or on when none is
            // left on the stack (the action returned); Node.js's modules cannot be blackboxed (they have no
            // context), so the session does it, without showing these pauses
            connection.send(p.userFrame().isPresent() ? Commands.STEP_OUT : Commands.RESUME);
            return;
        }
        pauseCount++;
        lastCommand = PauseReader.LastCommand.NONE;
        paused = p;
        state = DebugState.PAUSED;
        ui.execute(() -> {
            pausedProperty.set(p);
            stateProperty.set(DebugState.PAUSED);
        });
        BackendLink link = backend;
        if (link != null) {
            link.paused(true);
        }
        // taken before any is completed: a waiter added by a completed one's caller is for the next pause
        for (CompletableFuture<PausedState> waiter : takePauseWaiters()) {
            waiter.complete(p);
        }
    }

    private List<CompletableFuture<PausedState>> takePauseWaiters() {
        synchronized (pauseWaiters) {
            List<CompletableFuture<PausedState>> taken = List.copyOf(pauseWaiters);
            pauseWaiters.clear();
            return taken;
        }
    }

    private void onResumed() {
        if (state == DebugState.PAUSED) {
            running();
        }
    }

    /** The program runs (again): the pause and its values are gone. */
    private void running() {
        values.releaseEvaluated();
        paused = null;
        state = DebugState.RUNNING;
        ui.execute(() -> {
            pausedProperty.set(null);
            stateProperty.set(DebugState.RUNNING);
        });
        BackendLink link = backend;
        if (link != null) {
            link.paused(false);
        }
    }

    // ---- observable state (changed on the ui executor)

    public ReadOnlyObjectProperty<DebugState> stateProperty() {
        return stateProperty.getReadOnlyProperty();
    }

    /** The current pause, or null while running (and after the end). */
    public ReadOnlyObjectProperty<PausedState> pausedProperty() {
        return pausedProperty.getReadOnlyProperty();
    }

    /** Null until the session ends, then why. */
    public ReadOnlyObjectProperty<SessionEnd> endProperty() {
        return endProperty.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExceptionPause> exceptionPauseProperty() {
        return exceptionPauseProperty.getReadOnlyProperty();
    }

    /** The breakpoints and their status, in the order they were set. */
    public ObservableList<BreakpointStatus> breakpoints() {
        return breakpoints.view();
    }

    /** The program's console, the last {@link DebugSessionOptions#consoleLimit()} messages: append-only. */
    public ObservableList<ConsoleMessage> console() {
        return console.view();
    }

    // ---- current values (any thread)

    public DebugState state() {
        return state;
    }

    public Optional<PausedState> paused() {
        return Optional.ofNullable(paused);
    }

    public Optional<SessionEnd> end() {
        return Optional.ofNullable(end);
    }

    public List<BreakpointStatus> breakpointStatuses() {
        return breakpoints.snapshot();
    }

    public List<ConsoleMessage> consoleMessages() {
        return console.snapshot();
    }

    /** The URLs of the scripts the program has parsed so far. */
    public Set<String> scriptUrls() {
        return scripts.allUrls();
    }

    /** The target a backend started, once it has. */
    public Optional<DebugTarget> target() {
        BackendLink link = backend;
        return link == null ? Optional.empty() : Optional.ofNullable(link.target());
    }

    // ---- helpers

    private void setState(DebugState next) {
        state = next;
        ui.execute(() -> stateProperty.set(next));
    }

    /** Runs {@code work} on the session's thread; its future's outcome is the result's, completed there too. */
    private <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                work.get().whenCompleteAsync((value, error) -> {
                    if (error != null) {
                        result.completeExceptionally(unwrap(error));
                    } else {
                        result.complete(value);
                    }
                }, onSession);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        try {
            sessionThread.execute(task);
        } catch (RejectedExecutionException gone) {
            SessionEnd e = end;
            result.completeExceptionally(e != null ? DebugException.ended(e)
                    : new DebugException("The debug session has ended."));
        }
        return result;
    }

    private void requireNew() {
        if (state != DebugState.NEW) {
            throw new DebugException("The debug session has already been started.");
        }
    }

    private void requireNotEnded() {
        SessionEnd e = end;
        if (e != null) {
            throw DebugException.ended(e);
        }
    }

    private void requireConnected() {
        requireNotEnded();
        if (connection == null) {
            throw new DebugException(DebugException.NOT_STARTED);
        }
    }

    private void requirePaused() {
        requireConnected();
        if (state != DebugState.PAUSED || paused == null) {
            throw DebugException.notPaused();
        }
    }

    /** A failure as the user reads it: the session's end, not paused, a value gone, or the engine's message. */
    private RuntimeException translate(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof DebugException d) {
            return d;
        }
        SessionEnd e = end;
        if (e != null) {
            return DebugException.ended(e);
        }
        if (cause instanceof CdpException cdp) {
            String text = cdp.getMessage() == null ? "" : cdp.getMessage();
            if (text.contains("only perform operation while paused")) {
                return DebugException.notPaused();
            }
            if (text.contains("Could not find object with given id") || text.contains("Invalid remote object id")) {
                return new DebugException("That value is gone: the program has moved on.", cdp);
            }
            return new DebugException(text, cdp);
        }
        return new DebugException(messageOf(cause), cause);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String messageOf(Throwable error) {
        Throwable t = unwrap(error);
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    @Override
    public String toString() {
        return name + " " + state;
    }
}
