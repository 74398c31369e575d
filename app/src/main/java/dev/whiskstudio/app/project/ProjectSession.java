package dev.whiskstudio.app.project;

import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoadException;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.app.workspace.sync.ProjectSync;
import dev.whiskstudio.app.workspace.sync.SyncListener;
import dev.whiskstudio.app.workspace.sync.StepResult;
import dev.whiskstudio.app.workspace.sync.SyncPlan;
import dev.whiskstudio.app.workspace.sync.SyncResult;
import dev.whiskstudio.app.workspace.sync.SyncStep;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.application.Platform;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * The open project: which folder, what loading it gave (the project, or why it could not be read), and the sync of
 * it to a target as a {@link Task}. Loading runs off the FX thread; the properties change on it.
 */
public final class ProjectSession {
    private final Executor executor;
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ProjectLoadException> loadError = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<SyncResult> lastSync = new ReadOnlyObjectWrapper<>();
    /** Counts loads, so the answer of an older one that finishes late is dropped. */
    private long generation;

    public ProjectSession(Executor executor) {
        this.executor = executor;
    }

    /** Opens a folder: reads its manifest (or its {@code .js} files) in the background. */
    public void open(Path dir) {
        folder.set(dir.toAbsolutePath().normalize());
        lastSync.set(null);
        reload();
    }

    /** Reads the open folder again (after the manifest changed on disk or in the editor). */
    public void reload() {
        Path dir = folder.get();
        if (dir == null) {
            return;
        }
        long mine = ++generation;
        loading.set(true);
        Task<Project> load = new Task<>() {
            @Override
            protected Project call() throws Exception {
                return ProjectLoader.load(dir);
            }
        };
        load.setOnSucceeded(e -> {
            if (mine == generation) {
                loading.set(false);
                project.set(load.getValue());
                problem.set("");
                loadError.set(null);
            }
        });
        load.setOnFailed(e -> {
            if (mine == generation) {
                loading.set(false);
                project.set(null);
                Throwable failure = load.getException();
                loadError.set(failure instanceof ProjectLoadException p ? p : null);
                problem.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        });
        executor.execute(load);
    }

    /**
     * A task that syncs the loaded project to a target: its message and progress follow the steps; it stops between
     * steps when cancelled. Its value is the result, which also lands in {@link #lastSyncProperty()}.
     */
    public Task<SyncResult> syncTask(TargetEntry target) {
        Project loaded = project.get();
        if (loaded == null) {
            throw new IllegalStateException("no project is loaded");
        }
        Task<SyncResult> task = new Task<>() {
            @Override
            protected SyncResult call() throws Exception {
                updateMessage("Planning the sync of " + loaded.folder().getFileName() + "…");
                SyncPlan plan = ProjectSync.plan(loaded, target);
                SyncListener listener = new SyncListener() {
                    @Override
                    public void started(int index, int total, SyncStep step) {
                        updateMessage("Syncing " + (index + 1) + " of " + total + ": " + step.describe());
                        updateProgress(index, total);
                    }

                    @Override
                    public void finished(int index, int total, StepResult result) {
                        updateProgress(index + 1, total);
                    }
                };
                SyncResult result = ProjectSync.run(plan, target, listener, this::isCancelled);
                // posted even when cancelled: a cancelled task has no value, but the steps done still count
                Platform.runLater(() -> lastSync.set(result));
                return result;
            }
        };
        return task;
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** The loaded project; null before one is open and while it cannot be read. */
    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** Why the folder could not be read, with file and line; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The failed load's position in its file, when the failure has one. */
    public ReadOnlyObjectProperty<ProjectLoadException> loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The result of the last sync of this folder, or null. */
    public ReadOnlyObjectProperty<SyncResult> lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }
}
