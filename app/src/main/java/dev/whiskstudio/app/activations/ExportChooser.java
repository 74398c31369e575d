package dev.whiskstudio.app.activations;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** Asks where to write an export; on the FX thread. Tests plug in their own answer. */
@FunctionalInterface
public interface ExportChooser {

    /** The file to write, or null when the user cancelled. */
    Path choose(Window owner, String suggestedName);

    /** The platform's save dialog, for JSON files. */
    static ExportChooser fileChooser() {
        return (owner, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export activations");
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON files", "*.json"));
            File file = chooser.showSaveDialog(owner);
            return file == null ? null : file.toPath();
        };
    }
}
