package dev.whiskstudio.app.workbench;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.workspace.targets.TargetCatalog;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetListing;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The targets the window can talk to (the embedded simulator, the wsk CLI's, the project's aio {@code .env}, the
 * user's own) and the one selected. The views read the selection through {@link #current()}, from any thread.
 */
public final class TargetsModel {
    private final TargetCatalog catalog;
    private final Executor executor;
    private final ObservableList<TargetEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<TargetEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    /** The selection as the views' threads read it. */
    private volatile Target current;
    private Target simulator;
    private Path projectFolder;

    public TargetsModel(TargetCatalog catalog, Executor executor) {
        this.catalog = catalog;
        this.executor = executor;
        selected.addListener((obs, old, entry) -> current = entry == null ? null : entry.target());
    }

    /** The embedded simulator is up: it becomes a target, and the selected one when nothing else was chosen. */
    public void simulatorStarted(Target target) {
        simulator = target;
        reload();
    }

    /** A project was opened: its {@code .env} may name a cluster. */
    public void projectOpened(Path folder) {
        projectFolder = folder;
        reload();
    }

    /** Reads the target sources again in the background, keeping the selection where it still exists. */
    public void reload() {
        Target sim = simulator;
        Path folder = projectFolder;
        Task<TargetListing> list = new Task<>() {
            @Override
            protected TargetListing call() {
                return catalog.list(sim, folder);
            }
        };
        list.setOnSucceeded(e -> show(list.getValue()));
        list.setOnFailed(e -> problems.set(String.valueOf(list.getException().getMessage())));
        executor.execute(list);
    }

    private void show(TargetListing listing) {
        TargetEntry was = selected.get();
        entries.setAll(listing.targets());
        problems.set(String.join("\n", listing.problems()));
        TargetEntry keep = was == null ? null : listing.byId(was.id()).orElse(null);
        if (keep == null) {
            keep = listing.from(TargetSource.SIMULATOR).stream().findFirst()
                    .orElse(listing.targets().isEmpty() ? null : listing.targets().get(0));
        }
        selected.set(keep);
    }

    /** The embedded simulator's entry, or null before it runs. */
    public TargetEntry simulatorEntry() {
        return entries.stream().filter(e -> e.source() == TargetSource.SIMULATOR).findFirst().orElse(null);
    }

    public void selectSimulator() {
        TargetEntry sim = simulatorEntry();
        if (sim != null) {
            selected.set(sim);
        }
    }

    public boolean isSimulatorSelected() {
        TargetEntry entry = selected.get();
        return entry != null && entry.source() == TargetSource.SIMULATOR;
    }

    public TargetCatalog catalog() {
        return catalog;
    }

    public ObservableList<TargetEntry> entries() {
        return entries;
    }

    public ObjectProperty<TargetEntry> selectedProperty() {
        return selected;
    }

    /** The selected target, or null; safe from any thread. */
    public Target current() {
        return current;
    }

    public Supplier<Target> supplier() {
        return this::current;
    }

    /** Sources that could not be read (a broken {@code .wskprops}), one sentence each; empty when all were fine. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }
}
