package dev.whiskstudio.app.workbench;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.util.concurrent.Executor;

/**
 * The one piece of long work the window shows in its status bar (a sync, a large refresh): its message and progress,
 * and a cancel. Starting new work while some runs is refused, so two syncs never interleave. FX thread only.
 */
public final class BackgroundWork {
    private final Executor executor;
    private final ReadOnlyObjectWrapper<Task<?>> current = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding busy = Bindings.createBooleanBinding(() -> current.get() != null, current);

    public BackgroundWork(Executor executor) {
        this.executor = executor;
    }

    /** Runs a task in the background and shows it; false when other work is under way (the task is not run). */
    public boolean start(Task<?> task) {
        if (current.get() != null) {
            return false;
        }
        current.set(task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                if (current.get() == task) {
                    current.set(null);
                }
            }
        });
        executor.execute(task);
        return true;
    }

    /** Asks the running work to stop; it ends at its next safe point. */
    public void cancel() {
        Task<?> task = current.get();
        if (task != null) {
            task.cancel();
        }
    }

    /** The work under way, or null. */
    public ReadOnlyObjectProperty<Task<?>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }
}
