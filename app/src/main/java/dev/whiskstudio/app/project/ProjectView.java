package dev.whiskstudio.app.project;

import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoadException;
import dev.whiskstudio.app.workspace.sync.StepResult;
import dev.whiskstudio.app.workspace.sync.SyncResult;
import dev.whiskstudio.icons.Icon;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The project pane: the open folder's packages and what they hold, with Open Folder, Reload and Sync; why a folder
 * could not be read (with a link to the line); and what the last sync did, failures first.
 */
public final class ProjectView extends BorderPane {
    private final ProjectSession session;
    private final TreeView<ProjectNode> tree = new TreeView<>();
    private final Label title = new Label();
    private final VBox syncReport = new VBox();
    private BiConsumer<Path, Integer> onOpenFile = (file, line) -> { };
    private Consumer<ActionRef> onInvoke = a -> { };

    public ProjectView(ProjectSession session, Runnable openFolder, Runnable sync, ObservableBooleanValue canSync) {
        this.session = session;
        setId("project-view");
        getStyleClass().add("project-view");

        title.setId("project-title");
        title.setMinWidth(40);
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Path folder = session.folderProperty().get();
            return folder == null ? "Project" : String.valueOf(folder.getFileName());
        }, session.folderProperty()));
        Button open = iconButton("project-open", Icon.FOLDER, "Open Folder… (Ctrl+O)", openFolder);
        Button reload = iconButton("project-reload", Icon.REFRESH, "Reload the project", session::reload);
        reload.disableProperty().bind(session.folderProperty().isNull());
        Button syncButton = new Button(null, new IconGraphic(Icon.DEPLOY, 14));
        syncButton.setId("project-sync");
        syncButton.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        syncButton.setTooltip(new Tooltip("Create or update the project's entities in the local simulator (Ctrl+Shift+U)"));
        syncButton.setOnAction(e -> sync.run());
        syncButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> session.projectProperty().get() == null || !canSync.get(), session.projectProperty(), canSync));
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(14, 14);
        loading.visibleProperty().bind(session.loadingProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(6, title, loading, grow, open, reload, syncButton);
        header.getStyleClass().add("pane-header");
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);

        tree.setId("project-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new ProjectCell());
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        tree.setContextMenu(contextMenu());

        StackPane body = new StackPane(placeholder(openFolder), problem(), tree);
        tree.visibleProperty().bind(session.projectProperty().isNotNull());
        VBox.setVgrow(body, Priority.ALWAYS);
        setCenter(body);

        syncReport.setId("sync-report");
        syncReport.getStyleClass().add("sync-report");
        syncReport.setVisible(false);
        syncReport.setManaged(false);
        setBottom(syncReport);

        session.projectProperty().addListener((obs, old, project) -> show(project));
        session.lastSyncProperty().addListener((obs, old, result) -> report(result));
        show(session.projectProperty().get());
    }

    public void setOnOpenFile(BiConsumer<Path, Integer> onOpenFile) {
        this.onOpenFile = onOpenFile;
    }

    public void setOnInvoke(Consumer<ActionRef> onInvoke) {
        this.onInvoke = onInvoke;
    }

    public TreeView<ProjectNode> tree() {
        return tree;
    }

    private void show(Project project) {
        if (project == null) {
            tree.setRoot(null);
            return;
        }
        tree.setRoot(ProjectTree.of(project));
    }

    private void openSelected() {
        TreeItem<ProjectNode> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue().file() != null) {
            onOpenFile.accept(item.getValue().file(), item.getValue().line());
        }
    }

    private ContextMenu contextMenu() {
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> openSelected());
        MenuItem invoke = new MenuItem("Invoke in the Simulator");
        invoke.setOnAction(e -> {
            TreeItem<ProjectNode> item = tree.getSelectionModel().getSelectedItem();
            if (item != null && item.getValue().action() != null) {
                onInvoke.accept(item.getValue().action());
            }
        });
        ContextMenu menu = new ContextMenu(open, invoke);
        // filled for the selected row before it shows: JavaFX does not show a menu whose items change as it opens
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            open.setDisable(item == null || item.getValue().file() == null);
            invoke.setDisable(item == null || item.getValue().action() == null);
        });
        return menu;
    }

    private VBox placeholder(Runnable openFolder) {
        Label text = new Label("Open a folder with a manifest.yml, an app.config.yaml or plain .js files.");
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        Button open = new Button("Open Folder…");
        open.setId("project-open-placeholder");
        open.setOnAction(e -> openFolder.run());
        VBox box = new VBox(10, text, open);
        box.getStyleClass().add("pane-placeholder");
        box.visibleProperty().bind(session.folderProperty().isNull());
        return box;
    }

    private VBox problem() {
        Label heading = new Label("The project could not be read", new IconGraphic(Icon.STATUS_ERROR, 14));
        heading.getStyleClass().add("problem-title");
        Label text = new Label();
        text.setId("project-problem");
        text.setWrapText(true);
        text.textProperty().bind(session.problemProperty());
        Hyperlink show = new Hyperlink("Show the line in the editor");
        show.setId("project-problem-open");
        show.visibleProperty().bind(session.loadErrorProperty().isNotNull());
        show.setOnAction(e -> {
            ProjectLoadException error = session.loadErrorProperty().get();
            if (error != null && error.file() != null) {
                onOpenFile.accept(error.file(), error.line());
            }
        });
        VBox box = new VBox(8, heading, text, show);
        box.getStyleClass().addAll("pane-placeholder", "project-problem");
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !session.problemProperty().get().isEmpty()
                && session.projectProperty().get() == null, session.problemProperty(), session.projectProperty()));
        return box;
    }

    /** Shows what a sync did: a summary line, then each failed or skipped step with the platform's message. */
    private void report(SyncResult result) {
        syncReport.getChildren().clear();
        if (result == null) {
            syncReport.setVisible(false);
            syncReport.setManaged(false);
            return;
        }
        boolean clean = result.failed().isEmpty() && result.skipped().isEmpty() && !result.cancelled();
        Label summary = new Label(result.summary(), new IconGraphic(clean ? Icon.STATUS_OK : Icon.STATUS_WARNING, 14));
        summary.setId("sync-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(clean ? "sync-ok" : "sync-problem");
        Button close = new Button("×");
        close.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> report(null));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        syncReport.getChildren().add(new HBox(summary, grow, close));
        for (StepResult failed : result.failed()) {
            syncReport.getChildren().add(stepLine(failed));
        }
        for (StepResult skipped : result.skipped()) {
            syncReport.getChildren().add(stepLine(skipped));
        }
        for (String warning : result.warnings()) {
            Label w = new Label(warning);
            w.setWrapText(true);
            w.getStyleClass().add(Styles.TEXT_MUTED);
            syncReport.getChildren().add(w);
        }
        syncReport.setVisible(true);
        syncReport.setManaged(true);
    }

    private static Label stepLine(StepResult r) {
        Label line = new Label(r.step().describe() + ": " + r.message());
        line.setWrapText(true);
        line.getStyleClass().add("sync-step-problem");
        return line;
    }

    private static Button iconButton(String id, Icon icon, String tip, Runnable action) {
        Button b = new Button(null, new IconGraphic(icon, 14));
        b.setId(id);
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Icon, name, and a muted note. */
    private static final class ProjectCell extends TreeCell<ProjectNode> {
        @Override
        protected void updateItem(ProjectNode node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(null);
            Label name = new Label(node.label());
            Label detail = new Label(node.detail());
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            HBox row = new HBox(6, new IconGraphic(node.kind().icon(), 14), name, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
