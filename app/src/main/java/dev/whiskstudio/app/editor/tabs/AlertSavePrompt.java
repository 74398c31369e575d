package dev.whiskstudio.app.editor.tabs;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;

import java.util.Optional;

/** The save prompt as a dialog: Save, Don't save, Cancel (closing the dialog is Cancel). */
public final class AlertSavePrompt implements SavePrompt {
    @Override
    public CloseChoice ask(EditorDocument document) {
        ButtonType save = new ButtonType("Save", ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + document.fileName() + "?");
        if (document.editor().getScene() != null) {
            alert.initOwner(document.editor().getScene().getWindow());
        }
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return CloseChoice.CANCEL;
        }
        return answer.get() == save ? CloseChoice.SAVE : CloseChoice.DISCARD;
    }
}
