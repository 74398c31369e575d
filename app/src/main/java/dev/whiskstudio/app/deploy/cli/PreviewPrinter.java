package dev.whiskstudio.app.deploy.cli;

import dev.whiskstudio.app.deploy.Change;
import dev.whiskstudio.app.deploy.DeployItem;
import dev.whiskstudio.app.deploy.DeployPreview;
import dev.whiskstudio.app.deploy.ItemResult;

import java.io.PrintStream;
import java.util.Locale;

/** The preview as aligned lines, and progress as one line per entity. */
final class PreviewPrinter {
    private final PrintStream out;

    PreviewPrinter(PrintStream out) {
        this.out = out;
    }

    void preview(DeployPreview preview, boolean deleteExtra) {
        for (DeployItem item : preview.items()) {
            String note = item.blocked() != null
                    ? (item.change() == Change.DELETE ? "kept: " : "not written: ") + item.blocked()
                    : item.change() == Change.DELETE && !deleteExtra ? "kept; --delete-extra deletes it"
                    : item.detail();
            out.println(String.format(Locale.ROOT, "  %-9s %-8s %s%s", item.change().word(), item.kind().word(),
                    item.name(), note.isEmpty() ? "" : "  (" + note + ")"));
        }
        preview.warnings().forEach(w -> out.println("warning: " + w));
        out.println(preview.summary());
    }

    void finished(int index, int total, ItemResult r) {
        out.println(String.format(Locale.ROOT, "[%d/%d] %-9s %s%s", index + 1, total, r.status().word(),
                r.item().describe(), r.message().isEmpty() ? "" : ": " + r.message()));
    }
}
