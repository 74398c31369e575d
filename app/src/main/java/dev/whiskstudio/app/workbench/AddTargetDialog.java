package dev.whiskstudio.app.workbench;

import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetFields;
import dev.whiskstudio.app.workspace.targets.UserTargets;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Asks for a cluster (name, API host, key, namespace) and keeps it in the user's targets file. What is wrong is said
 * under the fields and the dialog stays open; the key is typed into a password field and never shown again.
 */
final class AddTargetDialog extends Dialog<TargetEntry> {
    private final TextField name = field("target-name", "e.g. staging");
    private final TextField apiHost = field("target-host", "https://host or http://host:port");
    private final PasswordField auth = new PasswordField();
    private final TextField namespace = field("target-namespace", "optional: the key's own when empty");
    private final Label problems = new Label();

    AddTargetDialog(Window owner, UserTargets userTargets, Executor io, Consumer<TargetEntry> added) {
        initOwner(owner);
        setTitle("Add a cluster");
        setHeaderText("An OpenWhisk or Adobe I/O Runtime cluster to browse, invoke and deploy to");
        auth.setId("target-auth");
        auth.setPromptText("uuid:key");
        problems.setId("target-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add(Styles.DANGER);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("API host"), apiHost);
        grid.addRow(2, new Label("Key"), auth);
        grid.addRow(3, new Label("Namespace"), namespace);
        getDialogPane().setContent(new VBox(12, grid, problems));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setPrefWidth(520);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Add");
        // the file is written off the FX thread; the dialog closes when it is in, or says what went wrong
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            TargetFields fields = new TargetFields(name.getText(), apiHost.getText(), auth.getText(), namespace.getText());
            if (!fields.problems().isEmpty()) {
                problems.setText(String.join("\n", fields.problems()));
                return;
            }
            ok.setDisable(true);
            io.execute(() -> {
                try {
                    TargetEntry entry = userTargets.add(fields);
                    Platform.runLater(() -> {
                        added.accept(entry);
                        setResult(entry);
                        close();
                    });
                } catch (IOException | IllegalArgumentException ex) {
                    Platform.runLater(() -> {
                        problems.setText(ex.getMessage());
                        ok.setDisable(false);
                    });
                }
            });
        });
        setResultConverter(b -> null);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(28);
        return f;
    }
}
