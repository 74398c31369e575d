package dev.whiskstudio.app.debug;

import dev.whiskstudio.app.debug.cdp.BreakpointResolved;
import dev.whiskstudio.app.debug.cdp.CallFunctionOn;
import dev.whiskstudio.app.debug.cdp.CdpConnection;
import dev.whiskstudio.app.debug.cdp.CdpException;
import dev.whiskstudio.app.debug.cdp.CloseReason;
import dev.whiskstudio.app.debug.cdp.Commands;
import dev.whiskstudio.app.debug.cdp.ConsoleApiCalled;
import dev.whiskstudio.app.debug.cdp.EvaluateOnCallFrame;
import dev.whiskstudio.app.debug.cdp.EvaluateResult;
import dev.whiskstudio.app.debug.cdp.ExceptionDetails;
import dev.whiskstudio.app.debug.cdp.ExceptionThrown;
import dev.whiskstudio.app.debug.cdp.ExecutionContexts;
import dev.whiskstudio.app.debug.cdp.GetProperties;
import dev.whiskstudio.app.debug.cdp.Location;
import dev.whiskstudio.app.debug.cdp.Paused;
import dev.whiskstudio.app.debug.cdp.PrivatePropertyDescriptor;
import dev.whiskstudio.app.debug.cdp.PropertyDescriptor;
import dev.whiskstudio.app.debug.cdp.InternalPropertyDescriptor;
import dev.whiskstudio.app.debug.cdp.RemoteObject;
import dev.whiskstudio.app.debug.cdp.RemoveBreakpoint;
import dev.whiskstudio.app.debug.cdp.ScriptParsed;
import dev.whiskstudio.app.debug.cdp.SetBlackboxPatterns;
import dev.whiskstudio.app.debug.cdp.SetBlackboxedRanges;
import dev.whiskstudio.app.debug.cdp.SetBreakpointByUrl;
import dev.whiskstudio.app.debug.cdp.SetPauseOnExceptions;
import dev.whiskstudio.app.debug.cdp.StackTrace;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code thenAcceptAsync(..., Platform::runLater)}). A command that cannot be done now (a step while not paused, any
 * command after the end) fails its future at once with a {@link DebugException} whose message is for the user ("The
 * program is not paused."). Every wait is bounded ({@link DebugSessionOptions}). The observable properties and lists
 * change only through the options' {@code uiExecutor} (the FX thread in the app); the plain getters
 * ({@link #state()}, {@link #paused()}, ...) read the session's own current values from any thread.
 */
public final class DebugSession {
    private static final System.Logger LOG = System.getLogger(DebugSession.class.getName());
    private static final AtomicInteger COUNT = new AtomicInteger();
    /** Values made by evaluations live in this group, released when the program resumes. */
    private static final String EVAL_GROUP = "whisk-debug-eval";
    private static final String GETTER = "function (name) { return this[name]; }";
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
    private final ObservableList<BreakpointStatus> breakpointList = FXCollections.observableArrayList();
    private final ObservableList<ConsoleMessage> consoleList = FXCollections.observableArrayList();

    // the session's own values: written on its thread, read from any
    private volatile DebugState state = DebugState.NEW;
    private volatile PausedState paused;
    private volatile SessionEnd end;
    private volatile List<BreakpointStatus> breakpointStatuses = List.of();
    private final Deque<ConsoleMessage> consoleLog = new ArrayDeque<>();
    private final Map<String, String> scriptUrls = new ConcurrentHashMap<>();
    private final CompletableFuture<SessionEnd> ended = new CompletableFuture<>();
    /** Futures of {@link #nextPause()}; guarded by itself, taken all at once when a pause comes. */
    private final List<CompletableFuture<PausedState>> pauseWaiters = new ArrayList<>();

    // the session thread's alone
    private final BreakpointBook book = new BreakpointBook();
    private final Set<Integer> contexts = new HashSet<>();
    private SourceMapping mapping = SourceMapping.none();
    private PauseReader pauseReader;
    private CdpConnection connection;
    /** True once breakpoints go to the engine as they are set (the connection is up and they were all applied). */
    private boolean connected;
    private volatile BackendLink backend;
    private ExceptionPause exceptionPause = ExceptionPause.NONE;
    private PauseReader.LastCommand lastCommand = PauseReader.LastCommand.NONE;
    private long pauseCount;
    private boolean evaluatedThisPause;

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
            this.backend = new BackendLink(backend, name + "-backend");
            CompletableFuture<Void> started = this.backend.start(options.startTimeout())
                    .thenComposeAsync(target -> {
                        requireNotEnded();
                        useMapping(mappingFor.apply(target));
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
            useMapping(mapping);
            return failTheSessionOnError(connect(inspectorUrl), "Cannot attach the debugger");
        });
    }

    private void useMapping(SourceMapping m) {
        this.mapping = m == null ? SourceMapping.none() : m;
        this.pauseReader = new PauseReader(scriptUrls, mapping, options.runtimeScript());
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
                    listen(conn);
                    return initialise(conn);
                }, onSession);
    }

    private void listen(CdpConnection conn) {
        conn.on(ScriptParsed.EVENT, ScriptParsed.class, e -> onSession.execute(() -> onScriptParsed(e)));
        conn.on(BreakpointResolved.EVENT, BreakpointResolved.class,
                e -> onSession.execute(() -> onBreakpointResolved(e)));
        conn.on(Paused.EVENT, Paused.class, e -> onSession.execute(() -> onPaused(e)));
        conn.on(Commands.RESUMED_EVENT, e -> onSession.execute(this::onResumed));
        conn.on(ConsoleApiCalled.EVENT, ConsoleApiCalled.class, e -> onSession.execute(() -> onConsole(e)));
        conn.on(ExceptionThrown.EVENT, ExceptionThrown.class, e -> onSession.execute(() -> onExceptionThrown(e)));
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
        connected = true;
        for (BreakpointBook.Entry entry : book.entries()) {
            steps.add(bind(entry));
        }
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
            return put(breakpoint);
        });
    }

    /** Takes the breakpoint off a file's line, if there is one. */
    public CompletableFuture<Void> removeBreakpoint(Path file, int line) {
        return call(() -> {
            requireNotEnded();
            BreakpointBook.Entry old = book.remove(file, line);
            publishBreakpoints();
            return old == null ? CompletableFuture.completedFuture(null) : unbind(old);
        });
    }

    /**
     * Makes the file's breakpoints exactly {@code breakpoints} (as the editor's gutter has them): others of the file
     * are removed, new or changed ones set, unchanged ones kept.
     */
    public CompletableFuture<List<BreakpointStatus>> setBreakpoints(Path file, Collection<Breakpoint> breakpoints) {
        return call(() -> {
            requireNotEnded();
            Path normalized = file.toAbsolutePath().normalize();
            List<CompletableFuture<?>> work = new ArrayList<>();
            for (BreakpointBook.Entry e : book.inFile(normalized)) {
                if (breakpoints.stream().noneMatch(bp -> bp.sameLine(e.breakpoint))) {
                    book.remove(normalized, e.breakpoint.line());
                    work.add(unbind(e));
                }
            }
            List<CompletableFuture<BreakpointStatus>> statuses = new ArrayList<>();
            for (Breakpoint bp : breakpoints) {
                if (!bp.file().equals(normalized)) {
                    throw new IllegalArgumentException("a breakpoint of another file: " + bp.file());
                }
                BreakpointBook.Entry existing = book.inFile(normalized).stream()
                        .filter(e -> e.breakpoint.equals(bp)).findFirst().orElse(null);
                statuses.add(existing != null ? CompletableFuture.completedFuture(existing.status) : put(bp));
            }
            publishBreakpoints();
            work.addAll(statuses);
            return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                    .thenApply(v -> statuses.stream().map(CompletableFuture::join).toList());
        });
    }

    private CompletableFuture<BreakpointStatus> put(Breakpoint bp) {
        BreakpointBook.Entry entry = new BreakpointBook.Entry(bp,
                BreakpointStatus.waiting(bp, "Set when the debug session starts."));
        BreakpointBook.Entry old = book.put(entry);
        publishBreakpoints();
        CompletableFuture<Void> removed = old == null ? CompletableFuture.completedFuture(null) : unbind(old);
        if (!connected) {
            return CompletableFuture.completedFuture(entry.status);
        }
        return removed.thenComposeAsync(v -> bind(entry), onSession);
    }

    /** Sets one breakpoint in the engine; the future never fails: a failure is the breakpoint's status. */
    private CompletableFuture<BreakpointStatus> bind(BreakpointBook.Entry entry) {
        Breakpoint bp = entry.breakpoint;
        Optional<ScriptLocation> at = mapping.toScript(bp.file(), bp.line());
        if (at.isEmpty()) {
            entry.status = BreakpointStatus.notMapped(bp);
            publishBreakpoints();
            return CompletableFuture.completedFuture(entry.status);
        }
        ScriptLocation where = at.get();
        SetBreakpointByUrl.Params params = new SetBreakpointByUrl.Params(where.line(), where.url(), where.urlRegex(),
                where.column() > 0 ? where.column() : null, Logpoints.condition(bp));
        return connection.send(SetBreakpointByUrl.METHOD, params, SetBreakpointByUrl.Result.class)
                .handleAsync((result, error) -> {
                    if (!book.isCurrent(entry)) {
                        // removed or replaced while the engine was setting it
                        if (result != null) {
                            connection.send(RemoveBreakpoint.METHOD, new RemoveBreakpoint(result.breakpointId()));
                        }
                        return entry.status;
                    }
                    if (error != null) {
                        entry.status = BreakpointStatus.failed(bp, "The breakpoint could not be set: "
                                + messageOf(error));
                    } else {
                        book.setEngineId(entry, result.breakpointId());
                        entry.status = result.locations().isEmpty()
                                ? BreakpointStatus.waiting(bp, "Waiting for the code to load.")
                                : boundAt(bp, result.locations().get(0));
                    }
                    publishBreakpoints();
                    return entry.status;
                }, onSession);
    }

    private CompletableFuture<Void> unbind(BreakpointBook.Entry entry) {
        if (entry.engineId == null || connection == null || !connection.isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.send(RemoveBreakpoint.METHOD, new RemoveBreakpoint(entry.engineId))
                .handle((r, e) -> null);
    }

    private BreakpointStatus boundAt(Breakpoint bp, Location location) {
        String url = scriptUrls.get(location.scriptId());
        Optional<UserLocation> user = url == null ? Optional.empty()
                : mapping.toUser(url, location.lineNumber(), location.column());
        int line = user.filter(u -> u.file().equals(bp.file())).map(UserLocation::line).orElse(bp.line());
        return BreakpointStatus.bound(bp, line);
    }

    private void onBreakpointResolved(BreakpointResolved e) {
        BreakpointBook.Entry entry = book.byEngineId(e.breakpointId());
        if (entry != null && entry.status.state() != BreakpointStatus.State.BOUND) {
            entry.status = boundAt(entry.breakpoint, e.location());
            publishBreakpoints();
        }
    }

    /** When thrown exceptions pause the program. */
    public CompletableFuture<Void> setExceptionPause(ExceptionPause mode) {
        return call(() -> {
            requireNotEnded();
            exceptionPause = mode;
            ui.execute(() -> exceptionPauseProperty.set(mode));
            if (!connected) {
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
            requireConnected();
            if (state != DebugState.PAUSED) {
                throw DebugException.notPaused();
            }
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
            if (scope.objectId() == null) {
                return CompletableFuture.completedFuture(List.of());
            }
            return readProperties(scope.objectId());
        });
    }

    /** The own properties of an object or function value (getters are listed, not called). */
    public CompletableFuture<List<Variable>> properties(RemoteValue value) {
        return call(() -> {
            requirePaused();
            if (value.objectId() == null) {
                return CompletableFuture.completedFuture(List.of());
            }
            return readProperties(value.objectId());
        });
    }

    private CompletableFuture<List<Variable>> readProperties(String objectId) {
        return connection.send(GetProperties.METHOD, GetProperties.Params.own(objectId), GetProperties.Result.class)
                .handle((result, e) -> {
                    if (e != null) {
                        throw translate(e);
                    }
                    return variablesOf(result, objectId);
                });
    }

    private static List<Variable> variablesOf(GetProperties.Result result, String owner) {
        List<Variable> list = new ArrayList<>();
        for (PropertyDescriptor p : result.result()) {
            if (p.isAccessor()) {
                list.add(new Variable(p.name(), null, Variable.Kind.ACCESSOR, owner));
            } else {
                list.add(new Variable(p.name(), ValueText.value(p.value()), Variable.Kind.PROPERTY, owner));
            }
        }
        for (PrivatePropertyDescriptor p : result.privateProperties()) {
            list.add(new Variable(p.name(), p.value() == null ? null : ValueText.value(p.value()),
                    Variable.Kind.PRIVATE, owner));
        }
        for (InternalPropertyDescriptor p : result.internalProperties()) {
            if (p.value() != null) {
                list.add(new Variable(p.name(), ValueText.value(p.value()), Variable.Kind.INTERNAL, owner));
            }
        }
        return List.copyOf(list);
    }

    /** Calls an accessor's getter, when the user asks for its value; what it throws is the result. */
    public CompletableFuture<EvalResult> invokeGetter(Variable accessor) {
        return call(() -> {
            requirePaused();
            evaluatedThisPause = true;
            CallFunctionOn params = new CallFunctionOn(GETTER, accessor.owner(),
                    List.of(new CallFunctionOn.CallArgument(accessor.name(), null)), true, false, true, EVAL_GROUP);
            return connection.send(CallFunctionOn.METHOD, params, EvaluateResult.class).handle(this::evalResult);
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
            evaluatedThisPause = true;
            EvaluateOnCallFrame params = new EvaluateOnCallFrame(frame.callFrameId(), expression, EVAL_GROUP,
                    purpose == EvalPurpose.CONSOLE, true, false, true, purpose == EvalPurpose.HOVER,
                    (double) options.evaluateTimeout().toMillis());
            return connection.send(EvaluateOnCallFrame.METHOD, params, EvaluateResult.class).handle(this::evalResult);
        });
    }

    private EvalResult evalResult(EvaluateResult result, Throwable error) {
        if (error != null) {
            Throwable cause = unwrap(error);
            if (cause instanceof CdpException cdp && cdp.isProtocolError()) {
                // the engine refused the expression itself (such as a parameter it cannot take): show it as a result
                return EvalResult.thrown(ValueText.value(null), cdp.getMessage());
            }
            throw translate(error);
        }
        ExceptionDetails details = result.exceptionDetails();
        if (details == null) {
            return EvalResult.of(ValueText.value(result.result()));
        }
        RemoteObject thrown = details.exception() != null ? details.exception() : result.result();
        String message = thrown != null && thrown.description() != null
                ? ValueText.firstLine(thrown.description())
                : thrown != null ? ValueText.text(thrown, true) : details.text();
        if (message != null && message.contains("Possible side-effect")) {
            message = "Not evaluated: it could change the program's state.";
        }
        return EvalResult.thrown(ValueText.value(thrown), message == null ? "Uncaught exception" : message);
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
        contexts.remove(id);
        if (contexts.isEmpty() && end == null) {
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
        if (backend == null) {
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
        backend.stop(options.stopTimeout()).whenComplete((v, err) -> {
            if (conn != null) {
                conn.close();
            }
            sessionThread.shutdown();
            ended.complete(e);
        });
    }

    // ---- events

    private void onScriptParsed(ScriptParsed e) {
        String url = e.url() == null ? "" : e.url();
        scriptUrls.put(e.scriptId(), url);
        if (options.skipRuntimeFiles() && connection != null && !url.isEmpty()
                && !RuntimeScripts.isNodeInternal(url) && options.runtimeScript().test(url)
                && mapping.toUser(url, 0, 0).isEmpty()) {
            connection.send(SetBlackboxedRanges.METHOD, SetBlackboxedRanges.wholeScript(e.scriptId()));
        }
    }

    private void onPaused(Paused event) {
        if (end != null || pauseReader == null) {
            return;
        }
        if (BREAK_ON_START.equals(event.reason()) && !options.stopOnEntry()
                && lastCommand != PauseReader.LastCommand.PAUSE) {
            // the session counts as running from runIfWaitingForDebugger on; a pause asked for meanwhile is this one
            connection.send(Commands.RESUME);
            return;
        }
        PausedState p = pauseReader.read(event, pauseCount + 1, lastCommand, book.hit(event.hitBreakpoints()));
        if (p.reason() == PauseReason.STEP && options.skipRuntimeFiles() && p.topFrame().runtime()) {
            // a step that left the user's code: out of the runtime back to the user's caller, or on when none is
            // left on the stack (the action returned); Node.js's modules cannot be blackboxed (they have no
            // context), so the session does it, without showing these pauses
            connection.send(p.userFrame().isPresent() ? Commands.STEP_OUT : Commands.RESUME);
            return;
        }
        pauseCount++;
        lastCommand = PauseReader.LastCommand.NONE;
        evaluatedThisPause = false;
        paused = p;
        state = DebugState.PAUSED;
        ui.execute(() -> {
            pausedProperty.set(p);
            stateProperty.set(DebugState.PAUSED);
        });
        if (backend != null) {
            backend.paused(true);
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
        if (evaluatedThisPause && connection != null) {
            connection.send(Commands.RELEASE_OBJECT_GROUP, Map.of("objectGroup", EVAL_GROUP));
            evaluatedThisPause = false;
        }
        paused = null;
        state = DebugState.RUNNING;
        ui.execute(() -> {
            pausedProperty.set(null);
            stateProperty.set(DebugState.RUNNING);
        });
        if (backend != null) {
            backend.paused(false);
        }
    }

    private void onConsole(ConsoleApiCalled e) {
        ConsoleMessage.Level level = switch (e.type() == null ? "log" : e.type()) {
            case "debug" -> ConsoleMessage.Level.DEBUG;
            case "info" -> ConsoleMessage.Level.INFO;
            case "warning" -> ConsoleMessage.Level.WARNING;
            case "error", "assert" -> ConsoleMessage.Level.ERROR;
            default -> ConsoleMessage.Level.LOG;
        };
        List<RemoteValue> args = e.args().stream().map(ValueText::value).toList();
        addConsole(new ConsoleMessage(Instant.ofEpochMilli((long) e.timestamp()), level,
                ConsoleMessage.Source.CONSOLE, ConsoleText.of(e.args()), args, userLocationOf(e.stackTrace())));
    }

    private void onExceptionThrown(ExceptionThrown e) {
        ExceptionDetails d = e.exceptionDetails();
        if (d == null) {
            return;
        }
        RemoteObject thrown = d.exception();
        String text = thrown != null && thrown.description() != null ? thrown.description()
                : thrown != null ? ValueText.text(thrown, false) : d.text();
        String url = d.url() != null ? d.url() : d.scriptId() == null ? null : scriptUrls.get(d.scriptId());
        UserLocation where = url == null ? null : mapping.toUser(url, d.lineNumber(), d.columnNumber()).orElse(null);
        if (where == null) {
            where = userLocationOf(d.stackTrace());
        }
        addConsole(new ConsoleMessage(Instant.ofEpochMilli((long) e.timestamp()), ConsoleMessage.Level.ERROR,
                ConsoleMessage.Source.EXCEPTION, "Uncaught " + text,
                thrown == null ? List.of() : List.of(ValueText.value(thrown)), where));
    }

    private UserLocation userLocationOf(StackTrace trace) {
        if (trace == null) {
            return null;
        }
        for (StackTrace.Frame f : trace.callFrames()) {
            String url = f.url() != null && !f.url().isEmpty() ? f.url() : scriptUrls.get(f.scriptId());
            if (url != null) {
                Optional<UserLocation> user = mapping.toUser(url, f.lineNumber(), f.columnNumber());
                if (user.isPresent()) {
                    return user.get();
                }
            }
        }
        return null;
    }

    private void addConsole(ConsoleMessage message) {
        int limit = Math.max(1, options.consoleLimit());
        synchronized (consoleLog) {
            consoleLog.addLast(message);
            while (consoleLog.size() > limit) {
                consoleLog.removeFirst();
            }
        }
        ui.execute(() -> {
            consoleList.add(message);
            if (consoleList.size() > limit) {
                consoleList.remove(0, consoleList.size() - limit);
            }
        });
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
        return FXCollections.unmodifiableObservableList(breakpointList);
    }

    /** The program's console, the last {@link DebugSessionOptions#consoleLimit()} messages. */
    public ObservableList<ConsoleMessage> console() {
        return FXCollections.unmodifiableObservableList(consoleList);
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
        return breakpointStatuses;
    }

    public List<ConsoleMessage> consoleMessages() {
        synchronized (consoleLog) {
            return List.copyOf(consoleLog);
        }
    }

    /** The URLs of the scripts the program has parsed so far. */
    public Set<String> scriptUrls() {
        return Set.copyOf(scriptUrls.values());
    }

    /** The target a backend started, once it has. */
    public Optional<DebugTarget> target() {
        return backend == null ? Optional.empty() : Optional.ofNullable(backend.target());
    }

    // ---- helpers

    private void setState(DebugState next) {
        state = next;
        ui.execute(() -> stateProperty.set(next));
    }

    private void publishBreakpoints() {
        List<BreakpointStatus> snapshot = book.statuses();
        breakpointStatuses = snapshot;
        ui.execute(() -> breakpointList.setAll(snapshot));
    }

    /** Runs {@code work} on the session's thread; its future's outcome is the result's. */
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
        if (connection == null || !connected) {
            throw new DebugException(DebugException.NOT_STARTED);
        }
    }

    private void requirePaused() {
        requireConnected();
        if (state != DebugState.PAUSED || paused == null) {
            throw DebugException.notPaused();
        }
    }

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
            if (text.contains("Could not find object with given id") || text.contains("Invalid call frame")
                    || text.contains("Invalid remote object id")) {
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
