package dev.whiskstudio.app.workbench;

import dev.whiskstudio.app.deploy.DeployScope;
import dev.whiskstudio.app.deploy.ui.DeployDialog;
import dev.whiskstudio.app.deploy.ui.DeployRequest;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.editor.tabs.EditorTabs;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.invoke.InvokePanel;
import dev.whiskstudio.app.project.ProjectSession;
import dev.whiskstudio.app.ui.Failures;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectAction;
import dev.whiskstudio.app.workspace.project.ProjectLoadException;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's Deploy commands: the project, the package or the action the user works on, to a target chosen in the
 * deploy dialog. The files are saved and the project read again from disk first, so what is deployed is what is
 * saved, manifest included; the clusters are offered first (the selected one at the top), the simulator last.
 * FX thread only; the project is read on {@code io}.
 */
final class DeployLauncher {
    private final Executor io;
    private final TargetsModel targets;
    private final ProjectSession project;
    private final EditorTabs editors;
    private final InvokePanel invokePanel;
    private final Consumer<String> message;
    private final Supplier<Window> owner;

    DeployLauncher(Executor io, TargetsModel targets, ProjectSession project, EditorTabs editors,
                   InvokePanel invokePanel, Consumer<String> message, Supplier<Window> owner) {
        this.io = io;
        this.targets = targets;
        this.project = project;
        this.editors = editors;
        this.invokePanel = invokePanel;
        this.message = message;
        this.owner = owner;
    }

    void deployProject() {
        deploy(DeployScope.project());
    }

    void deployPackage() {
        currentAction().ifPresent(a -> deploy(DeployScope.ofPackage(a.packageName())));
    }

    void deployAction() {
        currentAction().ifPresent(a -> deploy(DeployScope.ofAction(a.qualifiedName())));
    }

    /** True while there is no project action to deploy on its own. */
    BooleanBinding noCurrentAction() {
        return Bindings.createBooleanBinding(() -> currentAction().isEmpty(), project.projectProperty(),
                invokePanel.actionProperty(), editors.currentDocumentProperty());
    }

    /**
     * The project's action the user works on: the invoke panel's, else the one whose file is in the editor; empty
     * when neither is one of the open project's.
     */
    Optional<ProjectAction> currentAction() {
        Project loaded = project.projectProperty().get();
        if (loaded == null) {
            return Optional.empty();
        }
        ActionRef shown = invokePanel.getAction();
        if (shown != null) {
            Optional<ProjectAction> own = loaded.findAction(shown.path());
            if (own.isPresent()) {
                return own;
            }
        }
        Path file = editors.currentDocument().map(EditorDocument::path).orElse(null);
        return file == null ? Optional.empty()
                : loaded.actions().stream().filter(a -> file.equals(a.sourceFile())).findFirst();
    }

    private void deploy(DeployScope scope) {
        Project loaded = project.projectProperty().get();
        if (loaded == null) {
            return;
        }
        Path folder = loaded.folder();
        editors.saveAll().thenApplyAsync(saved -> {
            try {
                return ProjectLoader.load(folder);
            } catch (ProjectLoadException e) {
                throw new CompletionException(e);
            }
        }, io).whenComplete((fresh, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message.accept("Not deployed: " + Failures.messageOf(Failures.unwrap(failure)));
                return;
            }
            DeployDialog.show(owner.get(), DeployRequest.of(fresh, scope, offeredTargets(), io,
                    targets.catalog().userTargets()));
        }));
    }

    /** The clusters, the one selected first, then the simulator. */
    private List<TargetEntry> offeredTargets() {
        List<TargetEntry> offered = new ArrayList<>();
        TargetEntry selected = targets.selectedProperty().get();
        if (selected != null && selected.source() != TargetSource.SIMULATOR) {
            offered.add(selected);
        }
        for (TargetEntry e : targets.entries()) {
            if (!offered.contains(e) && e.source() != TargetSource.SIMULATOR) {
                offered.add(e);
            }
        }
        if (targets.simulatorEntry() != null) {
            offered.add(targets.simulatorEntry());
        }
        return offered;
    }
}
