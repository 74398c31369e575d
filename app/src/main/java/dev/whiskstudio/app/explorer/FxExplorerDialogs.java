package dev.whiskstudio.app.explorer;

import dev.whiskstudio.app.json.ViewsStyleSheet;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The explorer's questions as modal dialogs over its window. Nodes carry ids ({@code dialog-name}, {@code dialog-ok},
 * {@code dialog-cancel}, {@code dialog-problem}, ...) so UI tests can answer them with the robot.
 */
public final class FxExplorerDialogs implements ExplorerDialogs {
    private final Node owner;

    /** @param owner a node of the window the dialogs belong to */
    public FxExplorerDialogs(Node owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message, String confirmText) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        prepare(alert);
        alert.getDialogPane().setId("confirm-dialog");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setText(confirmText);
        // a destructive command: Enter should not confirm it by accident
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<String> askName(String title, String prompt, String initial,
                                    Function<String, Optional<String>> problem) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextField name = nameField(initial);
        Label problemLabel = problemLabel();
        GridPane form = form();
        form.addRow(0, new Label(prompt), name);
        form.add(problemLabel, 1, 1);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        prepare(dialog);
        ObservableValue<String> message = Bindings.createStringBinding(
                () -> problem.apply(name.getText()).orElse(""), name.textProperty());
        problemLabel.textProperty().bind(message);
        disableOkUnless(dialog.getDialogPane(), Bindings.createBooleanBinding(() -> message.getValue().isEmpty(), message));
        dialog.setResultConverter(b -> b == ButtonType.OK ? name.getText() : null);
        focusLater(name);
        return dialog.showAndWait();
    }

    @Override
    public Optional<NewPackage> askNewPackage(String namespace) {
        Dialog<NewPackage> dialog = new Dialog<>();
        dialog.setTitle("New package");
        dialog.setHeaderText("New package in " + namespace);
        TextField name = nameField("");
        CheckBox shared = new CheckBox("Shared (other namespaces may bind it)");
        shared.setId("dialog-shared");
        Label problemLabel = problemLabel();
        GridPane form = form();
        form.addRow(0, new Label("Name"), name);
        form.add(shared, 1, 1);
        form.add(problemLabel, 1, 2);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        prepare(dialog);
        ObservableValue<String> message = Bindings.createStringBinding(
                () -> EntityNames.problem(name.getText()).orElse(""), name.textProperty());
        problemLabel.textProperty().bind(message);
        disableOkUnless(dialog.getDialogPane(), Bindings.createBooleanBinding(() -> message.getValue().isEmpty(), message));
        dialog.setResultConverter(b -> b == ButtonType.OK ? new NewPackage(name.getText(), shared.isSelected()) : null);
        focusLater(name);
        return dialog.showAndWait();
    }

    @Override
    public Optional<NewRule> askNewRule(String namespace, List<String> triggers, List<String> actions) {
        Dialog<NewRule> dialog = new Dialog<>();
        dialog.setTitle("New rule");
        dialog.setHeaderText("New rule in " + namespace);
        TextField name = nameField("");
        ComboBox<String> trigger = choice("dialog-trigger", triggers);
        ComboBox<String> action = choice("dialog-action", actions);
        Label problemLabel = problemLabel();
        GridPane form = form();
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("When trigger"), trigger);
        form.addRow(2, new Label("Invoke action"), action);
        form.add(problemLabel, 1, 3);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        prepare(dialog);
        ObservableValue<String> message = Bindings.createStringBinding(() -> {
            Optional<String> nameProblem = EntityNames.problem(name.getText());
            if (nameProblem.isPresent()) {
                return nameProblem.get();
            }
            if (text(trigger).isEmpty()) {
                return "Choose the trigger.";
            }
            return text(action).isEmpty() ? "Choose the action." : "";
        }, name.textProperty(), trigger.getEditor().textProperty(), action.getEditor().textProperty(),
                trigger.valueProperty(), action.valueProperty());
        problemLabel.textProperty().bind(message);
        disableOkUnless(dialog.getDialogPane(), Bindings.createBooleanBinding(() -> message.getValue().isEmpty(), message));
        dialog.setResultConverter(b -> b == ButtonType.OK ? new NewRule(name.getText(), text(trigger), text(action)) : null);
        focusLater(name);
        return dialog.showAndWait();
    }

    private void prepare(Dialog<?> dialog) {
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        DialogPane pane = dialog.getDialogPane();
        pane.getStylesheets().add(ViewsStyleSheet.url());
        pane.getStyleClass().add("explorer-dialog");
        if (pane.lookupButton(ButtonType.OK) != null) {
            pane.lookupButton(ButtonType.OK).setId("dialog-ok");
        }
        if (pane.lookupButton(ButtonType.CANCEL) != null) {
            pane.lookupButton(ButtonType.CANCEL).setId("dialog-cancel");
        }
    }

    private static TextField nameField(String initial) {
        TextField name = new TextField(initial);
        name.setId("dialog-name");
        name.setPrefColumnCount(24);
        GridPane.setHgrow(name, Priority.ALWAYS);
        return name;
    }

    private static Label problemLabel() {
        Label label = new Label();
        label.setId("dialog-problem");
        label.getStyleClass().add("dialog-problem");
        label.setWrapText(true);
        label.setMaxWidth(360);
        return label;
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.getStyleClass().add("dialog-form");
        form.setHgap(10);
        form.setVgap(8);
        return form;
    }

    private static ComboBox<String> choice(String id, List<String> items) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.getItems().setAll(items);
        box.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static String text(ComboBox<String> box) {
        String typed = box.getEditor().getText();
        return typed == null ? "" : typed.strip();
    }

    private static void disableOkUnless(DialogPane pane, BooleanBinding valid) {
        pane.lookupButton(ButtonType.OK).disableProperty().bind(valid.not());
    }

    private static void focusLater(Node node) {
        Platform.runLater(node::requestFocus);
    }
}
