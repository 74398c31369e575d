package dev.whiskstudio.app.deploy.ui;

import dev.whiskstudio.app.deploy.Change;
import dev.whiskstudio.app.deploy.DeployItem;
import dev.whiskstudio.app.deploy.ItemResult;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/** One row of the dialog's table: an entity, what the deploy does to it, and (while deploying) how it went. */
public final class DeployRow {
    private final DeployItem item;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    DeployRow(DeployItem item, boolean deleteExtra) {
        this.item = item;
        status.set(initialStatus(deleteExtra));
    }

    public DeployItem item() {
        return item;
    }

    public String kind() {
        return item.kind().word();
    }

    public String name() {
        return item.name();
    }

    /** "create", "update (code)", "delete", "create (blocked: ...)". */
    public String change() {
        String note = item.blocked() != null
                ? (item.change() == Change.DELETE ? "kept: " : "not written: ") + item.blocked() : item.detail();
        return item.change().word() + (note.isEmpty() ? "" : " (" + note + ")");
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }

    void deleteExtraChanged(boolean deleteExtra) {
        status.set(initialStatus(deleteExtra));
    }

    void running() {
        status.set("sending…");
    }

    void finished(ItemResult result) {
        status.set(result.status().word() + (result.message().isEmpty() ? "" : ": " + result.message()));
    }

    private String initialStatus(boolean deleteExtra) {
        return item.change() == Change.DELETE && !deleteExtra ? "kept" : "";
    }
}
