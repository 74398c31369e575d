package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.BreakpointStatus;
import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.DebugState;
import dev.whiskstudio.app.debug.ExceptionPause;
import dev.whiskstudio.app.debug.PausedState;
import dev.whiskstudio.app.debug.SessionEnd;
import dev.whiskstudio.app.debug.StackFrame;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the debugger views share: the session they show (given from outside, one after another), mirrors of its
 * state, pause and end that stay valid as sessions change, the stack frame the user selected (the innermost user frame
 * at each pause), the exception setting, and the user's breakpoints, which outlive sessions and are applied to each
 * new one. FX thread only.
 *
 * <p>A session shown here must change its properties on the FX thread ({@code DebugSessionOptions.forFx()}). Give it
 * with {@link #setSession} before {@code launch} or {@code attach}, so the breakpoints are set before the code runs.
 */
public final class DebugContext {
    private static final System.Logger LOG = System.getLogger(DebugContext.class.getName());

    private final BreakpointRegistry breakpoints;
    private final ReadOnlyObjectWrapper<DebugSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<DebugState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<PausedState> paused = new ReadOnlyObjectWrapper<>(this, "paused");
    private final ReadOnlyObjectWrapper<SessionEnd> end = new ReadOnlyObjectWrapper<>(this, "end");
    private final ReadOnlyObjectWrapper<StackFrame> selectedFrame = new ReadOnlyObjectWrapper<>(this, "selectedFrame");
    private final ObjectProperty<ExceptionPause> exceptionPause =
            new SimpleObjectProperty<>(this, "exceptionPause", ExceptionPause.NONE);
    private final ObservableList<String> watches = FXCollections.observableArrayList();
    private final ObservableList<BreakpointStatus> statuses = FXCollections.observableArrayList();
    private final ObservableList<BreakpointStatus> statusesReadOnly = FXCollections.unmodifiableObservableList(statuses);
    /** The session's list bound to {@link #statuses}: held here, as the session hands out a new view at each call. */
    private ObservableList<BreakpointStatus> boundStatuses;
    private SourceOpener revealer = (file, line) -> java.util.concurrent.CompletableFuture.completedFuture(null);

    public DebugContext() {
        this(new BreakpointRegistry());
    }

    /** A context on breakpoints kept elsewhere (the workspace's, say). */
    public DebugContext(BreakpointRegistry breakpoints) {
        this.breakpoints = breakpoints;
        breakpoints.addListener(this::breakpointsChanged);
        paused.addListener((obs, old, now) -> selectedFrame.set(now == null ? null : defaultFrame(now)));
        exceptionPause.addListener((obs, old, now) -> currentSession().ifPresent(s -> applyExceptionPause(s, now)));
    }

    // ---- the session

    /**
     * Shows {@code next} (null for none): the views follow it, the breakpoints and the exception setting are applied
     * to it. The previous session is let go as it is; close it first if it should stop.
     */
    public void setSession(DebugSession next) {
        DebugSession previous = session.get();
        if (previous == next) {
            return;
        }
        if (previous != null) {
            state.unbind();
            paused.unbind();
            end.unbind();
            Bindings.unbindContent(statuses, boundStatuses);
            boundStatuses = null;
        }
        session.set(next);
        if (next == null) {
            state.set(null);
            paused.set(null);
            end.set(null);
            statuses.clear();
            return;
        }
        state.bind(next.stateProperty());
        paused.bind(next.pausedProperty());
        end.bind(next.endProperty());
        boundStatuses = next.breakpoints();
        Bindings.bindContent(statuses, boundStatuses);
        if (next.state() != DebugState.ENDED) {
            for (Path file : breakpoints.files()) {
                apply(next, file, breakpoints.inFile(file).stream().filter(UserBreakpoint::enabled).toList());
            }
            if (exceptionPause.get() != next.exceptionPauseProperty().get()) {
                applyExceptionPause(next, exceptionPause.get());
            }
        }
    }

    public ReadOnlyObjectProperty<DebugSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Optional<DebugSession> currentSession() {
        return Optional.ofNullable(session.get());
    }

    /** The session's state, null while there is no session. */
    public ReadOnlyObjectProperty<DebugState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The session's pause, null while running, ended or without a session. */
    public ReadOnlyObjectProperty<PausedState> pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Why the session ended, null before. */
    public ReadOnlyObjectProperty<SessionEnd> endProperty() {
        return end.getReadOnlyProperty();
    }

    /** The session's breakpoints as it has them (bound, waiting, failed), read-only. */
    public ObservableList<BreakpointStatus> breakpointStatuses() {
        return statusesReadOnly;
    }

    /** The session's status of a user breakpoint, matched by file and line. */
    public Optional<BreakpointStatus> statusOf(UserBreakpoint breakpoint) {
        return statuses.stream().filter(s -> s.breakpoint().file().equals(breakpoint.file())
                && s.breakpoint().line() == breakpoint.line()).findFirst();
    }

    // ---- the selected frame

    /** The frame the variables, watches, console and hovers use: the innermost user frame at each pause. */
    public ReadOnlyObjectProperty<StackFrame> selectedFrameProperty() {
        return selectedFrame.getReadOnlyProperty();
    }

    public StackFrame selectedFrame() {
        return selectedFrame.get();
    }

    /** Selects a frame of the current pause; one of another pause is ignored. */
    public void selectFrame(StackFrame frame) {
        PausedState p = paused.get();
        if (frame != null && p != null && p.pauseId() == frame.pauseId()) {
            selectedFrame.set(frame);
        }
    }

    private static StackFrame defaultFrame(PausedState p) {
        if (p.frames().isEmpty()) {
            return null;
        }
        return p.userFrame().orElse(p.topFrame());
    }

    // ---- showing a place in the user's code

    /** Who opens a file at a line for the views (the {@link EditorDebugBridge} sets itself). */
    public void setRevealer(SourceOpener opener) {
        this.revealer = opener;
    }

    /** Opens the user's file at a line, as a double-click on a breakpoint asks. */
    public void reveal(Path file, int line) {
        revealer.openAt(file, line);
    }

    // ---- settings kept across sessions

    /** When exceptions pause the program; applied to the session shown and to each later one. */
    public ObjectProperty<ExceptionPause> exceptionPauseProperty() {
        return exceptionPause;
    }

    /** The watch expressions, in the user's order; kept across sessions. */
    public ObservableList<String> watches() {
        return watches;
    }

    public BreakpointRegistry breakpoints() {
        return breakpoints;
    }

    private void breakpointsChanged(BreakpointChange change) {
        currentSession().filter(s -> s.state() != DebugState.ENDED)
                .ifPresent(s -> apply(s, change.file(), change.enabledAfter()));
    }

    private static void apply(DebugSession s, Path file, List<UserBreakpoint> enabled) {
        s.setBreakpoints(file, enabled.stream().map(UserBreakpoint::toBreakpoint).toList())
                .exceptionally(e -> {
                    LOG.log(System.Logger.Level.DEBUG, "breakpoints of " + file + " not applied: "
                            + FxFutures.message(e));
                    return null;
                });
    }

    private static void applyExceptionPause(DebugSession s, ExceptionPause mode) {
        if (s.state() == DebugState.ENDED) {
            return;
        }
        s.setExceptionPause(mode).exceptionally(e -> {
            LOG.log(System.Logger.Level.DEBUG, "exception setting not applied: " + FxFutures.message(e));
            return null;
        });
    }
}
