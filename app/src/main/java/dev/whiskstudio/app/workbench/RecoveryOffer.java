package dev.whiskstudio.app.workbench;

import dev.whiskstudio.app.editor.recovery.RecoveryCopy;
import dev.whiskstudio.app.editor.recovery.RecoveryStore;
import dev.whiskstudio.app.editor.tabs.EditorTabs;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * At start: when the last run ended with unsaved edits (a crash, a kill), offers them back. Restore opens each file
 * with the recovered text as an unsaved edit; Discard deletes the copies; Later keeps them for the next start.
 */
final class RecoveryOffer {
    static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.OTHER);
    static final ButtonType LATER = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());

    private RecoveryOffer() {
    }

    /** Looks for copies off the FX thread and asks about them on it; {@code problem} hears what went wrong. */
    static void offer(EditorTabs editors, Window owner, Executor io, Consumer<String> problem) {
        RecoveryStore store = editors.recoveryStore();
        io.execute(() -> {
            List<RecoveryCopy> copies;
            try {
                copies = store.pending();
            } catch (IOException e) {
                Platform.runLater(() -> problem.accept("Unsaved edits of the last session could not be read: " + e.getMessage()));
                return;
            }
            if (!copies.isEmpty()) {
                Platform.runLater(() -> ask(editors, owner, io, copies, problem));
            }
        });
    }

    private static void ask(EditorTabs editors, Window owner, Executor io, List<RecoveryCopy> copies,
                            Consumer<String> problem) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", RESTORE, DISCARD, LATER);
        alert.initOwner(owner);
        alert.setTitle("Unsaved edits found");
        alert.setHeaderText("Whisk Studio ended with unsaved edits in " + (copies.size() == 1 ? "1 file" : copies.size() + " files"));
        alert.setContentText(copies.stream().map(c -> c.original() + "  (" + WHEN.format(c.savedAt()) + ")")
                .collect(Collectors.joining("\n")));
        alert.getDialogPane().setId("recovery-offer");
        alert.showAndWait().ifPresent(choice -> {
            if (choice == RESTORE) {
                for (RecoveryCopy copy : copies) {
                    editors.restore(copy).whenComplete((doc, failure) -> {
                        if (failure != null) {
                            Platform.runLater(() -> problem.accept(String.valueOf(failure.getMessage())));
                        }
                    });
                }
            } else if (choice == DISCARD) {
                io.execute(() -> {
                    for (RecoveryCopy copy : copies) {
                        try {
                            editors.recoveryStore().discard(copy);
                        } catch (IOException e) {
                            Platform.runLater(() -> problem.accept("Could not discard the copy of " + copy.original()
                                    + ": " + e.getMessage()));
                        }
                    }
                });
            }
        });
    }
}
