package dev.whiskstudio.app.workspace.sync;

import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.targets.TargetEntry;

import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Syncs a project to a target: {@link #plan} (no network) and {@link #run} (blocking network calls; run it in a
 * {@code javafx.concurrent.Task} and pass {@code this::isCancelled}).
 */
public final class ProjectSync {

    private ProjectSync() {
    }

    /** The plan for a target, with the process environment for {@code $VAR}s. */
    public static SyncPlan plan(Project project, TargetEntry target) throws IOException {
        return SyncPlanner.plan(project, target.namespaceOrDefault(), System.getenv());
    }

    /** The plan for a namespace ({@code _}: the key's own) and the given environment. */
    public static SyncPlan plan(Project project, String namespace, Map<String, String> environment) throws IOException {
        return SyncPlanner.plan(project, namespace, environment);
    }

    /** Runs a plan against a target with a client of its own, closed at the end. */
    public static SyncResult run(SyncPlan plan, TargetEntry target, SyncListener listener, BooleanSupplier cancelled) {
        try (OpenWhiskClient client = new OpenWhiskClient(target.target())) {
            return new SyncRun(client, target.target().auth()).execute(plan, listener, cancelled);
        }
    }

    /** Plans and runs in one go. */
    public static SyncResult sync(Project project, TargetEntry target, SyncListener listener, BooleanSupplier cancelled)
            throws IOException {
        return run(plan(project, target), target, listener, cancelled);
    }
}
