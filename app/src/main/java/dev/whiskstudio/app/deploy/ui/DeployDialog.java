package dev.whiskstudio.app.deploy.ui;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.deploy.AuthFailure;
import dev.whiskstudio.app.deploy.Change;
import dev.whiskstudio.app.deploy.DeployListener;
import dev.whiskstudio.app.deploy.DeployItem;
import dev.whiskstudio.app.deploy.DeployPreview;
import dev.whiskstudio.app.deploy.DeployResult;
import dev.whiskstudio.app.deploy.Deployer;
import dev.whiskstudio.app.deploy.ItemResult;
import dev.whiskstudio.app.deploy.SavedKeys;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetFields;
import dev.whiskstudio.app.workspace.targets.TargetListing;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The deploy dialog: pick a target (or type another cluster's key, kept once if asked), see the preview as a table
 * of kind, name and change with counts, deploy with a progress bar and a status per entity, cancel between
 * requests. Network work runs on the request's executor; the FX thread only shows what it hands back.
 */
public final class DeployDialog extends Stage {
    static final double WIDTH = 820;
    static final double HEIGHT = 560;

    private final DeployRequest request;
    private final ComboBox<TargetEntry> targets = new ComboBox<>();
    private final TableView<DeployRow> table = new TableView<>();
    private final ObservableList<DeployRow> rows = FXCollections.observableArrayList();
    private final Label counts = new Label();
    private final Label status = new Label();
    private final Label warnings = new Label();
    private final CheckBox deleteExtra = new CheckBox("Delete extra entities");
    private final ProgressBar progress = new ProgressBar(0);
    private final Button refresh = new Button("Refresh Preview");
    private final Button deploy = new Button("Deploy");
    private final Button cancel = new Button("Cancel");
    private final Button close = new Button("Close");
    private final OtherCluster other;

    /** The deployer of the chosen target; used on the executor only, one piece of work at a time. */
    private final DeployerSlot<Deployer> deployer = new DeployerSlot<>();
    private DeployPreview preview;
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    private boolean busy;

    private DeployDialog(Window owner, DeployRequest request) {
        this.request = request;
        this.other = new OtherCluster();
        if (owner != null) {
            initOwner(owner);
            initModality(Modality.WINDOW_MODAL);
        }
        setTitle("Deploy " + request.scope().describe());
        setScene(new Scene(layout(), WIDTH, HEIGHT));
        targets.getItems().setAll(request.targets());
        targets.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                preview();
            }
        });
        deleteExtra.selectedProperty().addListener((o, was, now) -> {
            rows.forEach(r -> r.deleteExtraChanged(now));
            updateButtons();
        });
        refresh.setOnAction(e -> preview());
        deploy.setOnAction(e -> deploy());
        cancel.setOnAction(e -> cancel());
        close.setOnAction(e -> hide());
        setOnHidden(e -> dispose());
        updateButtons();
        if (!request.targets().isEmpty()) {
            targets.getSelectionModel().selectFirst();
        } else {
            status.setText("No target: enter a cluster below.");
            other.pane.setExpanded(true);
        }
    }

    /** Opens the dialog for {@code request} (on the FX thread); it previews the first target at once. */
    public static DeployDialog show(Window owner, DeployRequest request) {
        DeployDialog dialog = new DeployDialog(owner, request);
        dialog.show();
        return dialog;
    }

    private Region layout() {
        targets.setId("deploy-target");
        targets.setMaxWidth(Double.MAX_VALUE);
        targets.setCellFactory(v -> new TargetCell());
        targets.setButtonCell(new TargetCell());
        HBox.setHgrow(targets, Priority.ALWAYS);
        Label project = new Label("Deploying " + request.scope().describe() + " of "
                + request.project().folder().getFileName());
        project.getStyleClass().add("title-4");
        Label targetLabel = new Label("Target");
        targetLabel.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, targetLabel, targets, refresh);
        top.setAlignment(Pos.CENTER_LEFT);

        table.setId("deploy-table");
        table.setItems(rows);
        table.setPlaceholder(new Label("No preview yet"));
        table.getColumns().add(column("Kind", 90, DeployRow::kind));
        table.getColumns().add(column("Name", 220, DeployRow::name));
        table.getColumns().add(column("Change", 200, DeployRow::change));
        TableColumn<DeployRow, String> state = new TableColumn<>("Status");
        state.setPrefWidth(260);
        state.setCellValueFactory(c -> c.getValue().statusProperty());
        table.getColumns().add(state);
        VBox.setVgrow(table, Priority.ALWAYS);

        counts.setId("deploy-counts");
        status.setId("deploy-status");
        status.setWrapText(true);
        warnings.setId("deploy-warnings");
        warnings.setWrapText(true);
        deleteExtra.setId("deploy-delete-extra");
        progress.setId("deploy-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        refresh.setId("deploy-refresh");
        deploy.setId("deploy-button");
        deploy.setDefaultButton(true);
        cancel.setId("deploy-cancel");
        close.setId("deploy-close");
        HBox bottom = new HBox(8, progress, deploy, cancel, close);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(8, project, top, other.pane, table, new HBox(16, counts, deleteExtra), warnings, status,
                bottom);
        root.setPadding(new Insets(12));
        return root;
    }

    private static TableColumn<DeployRow, String> column(String title, double width, Function<DeployRow, String> value) {
        TableColumn<DeployRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        return c;
    }

    // ---- preview

    private void preview() {
        TargetEntry target = targets.getValue();
        if (target == null || busy) {
            return;
        }
        preview = null;
        rows.clear();
        counts.setText("");
        warnings.setText("");
        progress.setProgress(0);
        AtomicBoolean flag = startWork("Comparing the project with " + target.name() + "…");
        runWork(() -> {
            try {
                DeployPreview p = deployerFor(target).preview(request.project(), request.scope(),
                        request.environment(), flag::get);
                Platform.runLater(() -> showPreview(p));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> endWork(flag.get() ? "Cancelled." : "No preview: " + message(e)));
            }
        });
    }

    private void showPreview(DeployPreview p) {
        preview = p;
        List<DeployRow> made = new ArrayList<>();
        p.items().forEach(i -> made.add(new DeployRow(i, deleteExtra.isSelected())));
        rows.setAll(made);
        counts.setText(p.count(Change.CREATE) + " create, " + p.count(Change.UPDATE) + " update, "
                + p.count(Change.UNCHANGED) + " unchanged, " + p.count(Change.DELETE) + " delete");
        warnings.setText(String.join("\n", p.warnings()));
        endWork(p.upToDate() && p.count(Change.DELETE) == 0
                ? "The target is up to date: nothing to deploy."
                : "Namespace " + p.namespace() + " on " + p.target() + ". Press Deploy to send the changes.");
    }

    // ---- deploy

    private void deploy() {
        DeployPreview p = preview;
        if (p == null || busy) {
            return;
        }
        boolean delete = deleteExtra.isSelected();
        progress.setProgress(0);
        AtomicBoolean flag = startWork("Deploying to " + p.target() + "…");
        DeployListener listener = new DeployListener() {
            @Override
            public void started(int index, int total, DeployItem item) {
                Platform.runLater(() -> rows.get(index).running());
            }

            @Override
            public void finished(int index, int total, ItemResult result) {
                Platform.runLater(() -> {
                    rows.get(index).finished(result);
                    progress.setProgress((index + 1) / (double) total);
                });
            }
        };
        runWork(() -> {
            try {
                DeployResult result = currentDeployer().deploy(p, delete, listener, flag::get);
                Platform.runLater(() -> deployed(result));
            } catch (RuntimeException e) {
                Platform.runLater(() -> endWork("The deploy failed: " + message(e)));
            }
        });
    }

    private void deployed(DeployResult result) {
        // the preview is spent: what the target holds now is what a refresh shows
        preview = null;
        progress.setProgress(1);
        endWork(result.summary() + (result.stopReason() == null ? "" : "\n" + result.stopReason()));
    }

    private void cancel() {
        cancelFlag.set(true);
        status.setText("Cancelling after the request in flight…");
    }

    // ---- state

    private AtomicBoolean startWork(String message) {
        busy = true;
        cancelFlag = new AtomicBoolean();
        status.setText(message);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        updateButtons();
        return cancelFlag;
    }

    private void endWork(String message) {
        busy = false;
        status.setText(message);
        if (progress.getProgress() < 0) {
            progress.setProgress(0);
        }
        updateButtons();
    }

    private void updateButtons() {
        boolean writes = preview != null
                && (!preview.upToDate() || (deleteExtra.isSelected() && preview.count(Change.DELETE) > 0));
        deploy.setDisable(busy || !writes);
        refresh.setDisable(busy || targets.getValue() == null);
        targets.setDisable(busy);
        deleteExtra.setDisable(busy);
        other.use.setDisable(busy);
        cancel.setDisable(!busy);
    }

    /** Runs on the executor: one deployer per chosen target, the previous one closed. */
    private Deployer deployerFor(TargetEntry target) {
        return deployer.use(d -> d.target().equals(target), () -> request.deployers().apply(target));
    }

    /** Runs on the executor: the deployer that made the preview shown. */
    private Deployer currentDeployer() {
        Deployer current = deployer.current();
        if (current == null) {
            throw new IllegalStateException("The preview's deployer is closed.");
        }
        return current;
    }

    /** Network work on the executor, counted so that closing the dialog closes the deployer only after it. */
    private void runWork(Runnable work) {
        deployer.workStarted();
        try {
            request.executor().execute(() -> {
                try {
                    work.run();
                } finally {
                    deployer.workEnded();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            deployer.workEnded();
            throw shutDown;
        }
    }

    /** The dialog went: cancel what runs, and close the deployer once it ended (from the work's finally). */
    private void dispose() {
        cancelFlag.set(true);
        deployer.dispose();
    }

    private static String message(Exception e) {
        if (e instanceof AuthFailure a) {
            return a.error();
        }
        return dev.whiskstudio.app.ui.Failures.messageOf(e);
    }

    /** Another cluster typed in: its key in a password field, kept in the user's targets only when asked. */
    private final class OtherCluster {
        final TitledPane pane;
        final TextField name = new TextField();
        final TextField apiHost = new TextField();
        final PasswordField auth = new PasswordField();
        final TextField namespace = new TextField();
        final CheckBox remember = new CheckBox("Keep this key in my Whisk Studio targets (readable only by me)");
        final Button use = new Button("Use This Cluster");
        final Label problems = new Label();

        OtherCluster() {
            name.setId("deploy-other-name");
            name.setPromptText("e.g. production");
            apiHost.setId("deploy-other-host");
            apiHost.setPromptText("https://host or http://host:port");
            auth.setId("deploy-other-auth");
            auth.setPromptText("uuid:key");
            namespace.setId("deploy-other-namespace");
            namespace.setPromptText("optional: the key's own when empty");
            remember.setId("deploy-other-remember");
            remember.setVisible(request.userTargets() != null);
            use.setId("deploy-other-use");
            problems.setId("deploy-other-problems");
            problems.setWrapText(true);
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.setVgap(6);
            grid.addRow(0, new Label("Name"), name, new Label("API host"), apiHost);
            grid.addRow(1, new Label("Key"), auth, new Label("Namespace"), namespace);
            VBox box = new VBox(6, grid, new HBox(12, use, remember), problems);
            pane = new TitledPane("Another cluster…", box);
            pane.setId("deploy-other");
            pane.setExpanded(false);
            use.setOnAction(e -> use());
        }

        private void use() {
            String given = name.getText().isBlank() ? "other cluster" : name.getText();
            TargetFields fields = new TargetFields(given, apiHost.getText(), auth.getText(), namespace.getText());
            if (!fields.problems().isEmpty()) {
                problems.setText(String.join(" ", fields.problems()));
                return;
            }
            problems.setText("");
            boolean keep = remember.isSelected() && request.userTargets() != null;
            List<TargetEntry> known = new ArrayList<>(targets.getItems());
            use.setDisable(true);
            request.executor().execute(() -> {
                try {
                    TargetEntry entry = keep
                            ? SavedKeys.saveIfNew(new TargetListing(known, List.of()), request.userTargets(),
                            fields.name(), fields.apiHost(), fields.auth(), fields.namespace())
                            : TargetEntry.of(new Target(fields.name(), fields.apiHost(), fields.auth()),
                            fields.namespace(), TargetSource.USER, null);
                    Platform.runLater(() -> {
                        if (!targets.getItems().contains(entry)) {
                            targets.getItems().add(entry);
                        }
                        auth.clear();
                        pane.setExpanded(false);
                        use.setDisable(false);
                        targets.setValue(entry);
                    });
                } catch (IOException | IllegalArgumentException ex) {
                    Platform.runLater(() -> {
                        problems.setText(ex.getMessage());
                        use.setDisable(false);
                    });
                }
            });
        }
    }

    /** A target as name, host and masked key. */
    private static final class TargetCell extends ListCell<TargetEntry> {
        @Override
        protected void updateItem(TargetEntry t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : t.name() + " — " + t.apiHost() + " (" + t.maskedAuth() + ")");
        }
    }
}
