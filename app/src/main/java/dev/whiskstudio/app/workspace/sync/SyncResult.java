package dev.whiskstudio.app.workspace.sync;

import java.util.List;

/**
 * What a sync did.
 *
 * @param results    one per step that was reached, in order
 * @param notRun     the steps never reached, because the sync was cancelled or stopped
 * @param warnings   the plan's warnings (undefined {@code $VAR}s, ...)
 * @param cancelled  true when the user cancelled it
 * @param stopReason why it stopped early other than by cancelling (the target stopped answering), else null
 */
public record SyncResult(List<StepResult> results, List<SyncStep> notRun, List<String> warnings, boolean cancelled,
                         String stopReason) {

    public SyncResult {
        results = List.copyOf(results);
        notRun = List.copyOf(notRun);
        warnings = List.copyOf(warnings);
    }

    /** Every step done. */
    public boolean succeeded() {
        return notRun.isEmpty() && results.stream().allMatch(StepResult::ok);
    }

    public List<StepResult> done() {
        return with(StepStatus.DONE);
    }

    public List<StepResult> failed() {
        return with(StepStatus.FAILED);
    }

    public List<StepResult> skipped() {
        return with(StepStatus.SKIPPED);
    }

    private List<StepResult> with(StepStatus status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** One line for a status bar: "Synced 9 of 9", "7 of 9 done, 1 failed, 1 skipped", "Cancelled after 3 of 9". */
    public String summary() {
        int total = results.size() + notRun.size();
        String counts = done().size() + " of " + total + " done"
                + (failed().isEmpty() ? "" : ", " + failed().size() + " failed")
                + (skipped().isEmpty() ? "" : ", " + skipped().size() + " skipped");
        if (cancelled) {
            return "Cancelled: " + counts;
        }
        if (stopReason != null) {
            return "Stopped (" + stopReason + "): " + counts;
        }
        return succeeded() ? "Synced " + total + " of " + total : counts;
    }
}
