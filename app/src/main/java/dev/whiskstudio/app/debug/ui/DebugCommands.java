package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.DebugState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The run-control commands on the session shown (continue, steps, pause, stop), whether each can be done now, and
 * their keyboard shortcuts (F8, F10, F11, Shift+F11). A command that fails (the program moved on meanwhile) leaves
 * its message in {@link #problemProperty()}. FX thread only.
 */
public final class DebugCommands {
    public static final KeyCombination CONTINUE_KEY = new KeyCodeCombination(KeyCode.F8);
    public static final KeyCombination STEP_OVER_KEY = new KeyCodeCombination(KeyCode.F10);
    public static final KeyCombination STEP_INTO_KEY = new KeyCodeCombination(KeyCode.F11);
    public static final KeyCombination STEP_OUT_KEY = new KeyCodeCombination(KeyCode.F11, KeyCombination.SHIFT_DOWN);

    private final DebugContext context;
    private final BooleanBinding paused;
    private final BooleanBinding running;
    private final BooleanBinding live;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final EventHandler<KeyEvent> shortcutFilter = this::onKey;

    public DebugCommands(DebugContext context) {
        this.context = context;
        paused = Bindings.createBooleanBinding(() -> context.stateProperty().get() == DebugState.PAUSED,
                context.stateProperty());
        running = Bindings.createBooleanBinding(() -> context.stateProperty().get() == DebugState.RUNNING,
                context.stateProperty());
        live = Bindings.createBooleanBinding(() -> {
            DebugState s = context.stateProperty().get();
            return s == DebugState.STARTING || s == DebugState.RUNNING || s == DebugState.PAUSED;
        }, context.stateProperty());
        context.stateProperty().addListener((obs, old, now) -> problem.set(null));
    }

    /** Continue and the steps can be done: the program is paused. */
    public BooleanBinding canStep() {
        return paused;
    }

    public BooleanBinding canPause() {
        return running;
    }

    /** Stop can be done: the session is starting, running or paused. */
    public BooleanBinding canStop() {
        return live;
    }

    public void resume() {
        run(DebugSession::resume);
    }

    public void stepOver() {
        run(DebugSession::stepOver);
    }

    public void stepInto() {
        run(DebugSession::stepInto);
    }

    public void stepOut() {
        run(DebugSession::stepOut);
    }

    public void pause() {
        run(DebugSession::pause);
    }

    /** Ends the session: the program (the action's debug container) is stopped. */
    public void stop() {
        context.currentSession().ifPresent(DebugSession::close);
    }

    /** The last command's failure, for the status line; cleared when the state changes. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Puts the shortcuts on a scene. They are caught before the focused node sees the key (the code editor takes
     * most keys for itself), and only while the program is paused; otherwise the key goes on as usual.
     */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, shortcutFilter);
    }

    /** Takes the shortcuts off a scene. */
    public void uninstallShortcuts(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, shortcutFilter);
    }

    private void onKey(KeyEvent e) {
        if (!paused.get()) {
            return;
        }
        // a combination matches only with exactly its modifiers: F11 is not Shift+F11
        for (Map.Entry<KeyCombination, Runnable> shortcut : List.of(
                Map.entry(CONTINUE_KEY, (Runnable) this::resume),
                Map.entry(STEP_OVER_KEY, (Runnable) this::stepOver),
                Map.entry(STEP_INTO_KEY, (Runnable) this::stepInto),
                Map.entry(STEP_OUT_KEY, (Runnable) this::stepOut))) {
            if (shortcut.getKey().match(e)) {
                shortcut.getValue().run();
                e.consume();
                return;
            }
        }
    }

    private void run(Function<DebugSession, CompletableFuture<Void>> command) {
        context.currentSession().ifPresent(s -> FxFutures.whenDone(command.apply(s), (v, error) -> {
            if (error != null) {
                problem.set(FxFutures.message(error));
            }
        }));
    }
}
