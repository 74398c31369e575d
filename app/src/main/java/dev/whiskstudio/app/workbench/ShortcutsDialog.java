package dev.whiskstudio.app.workbench;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help's list of keyboard shortcuts, read from the command table so it never disagrees with the menus. */
final class ShortcutsDialog extends Dialog<Void> {

    ShortcutsDialog(Window owner) {
        initOwner(owner);
        setTitle("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Command c : Command.values()) {
            if (c.shortcut() == null) {
                continue;
            }
            Label key = new Label(c.shortcut().getDisplayText());
            key.getStyleClass().add("shortcut-key");
            grid.addRow(row++, new Label(c.label().replace("…", "")), key);
        }
        grid.addRow(row++, new Label("Invoke (in the parameters)"), new Label("Ctrl+Enter"));
        grid.addRow(row++, new Label("Find next / previous"), new Label("F3 / Shift+F3"));
        grid.addRow(row, new Label("Toggle breakpoint"), new Label("click the line number"));
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }
}
