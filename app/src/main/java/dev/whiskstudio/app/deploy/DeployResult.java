package dev.whiskstudio.app.deploy;

import java.util.List;

/**
 * What a deploy did.
 *
 * @param results    one per preview item, in order (never-reached ones as {@link ItemStatus#NOT_RUN})
 * @param cancelled  the user cancelled it
 * @param stopReason why it stopped early other than by cancelling (the key was refused, the target is gone), else
 *                   null
 */
public record DeployResult(List<ItemResult> results, boolean cancelled, String stopReason) {

    public DeployResult {
        results = List.copyOf(results);
    }

    public List<ItemResult> with(ItemStatus status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** Nothing failed, nothing was left out (a kept extra entity aside), not cancelled, not stopped. */
    public boolean succeeded() {
        return !cancelled && stopReason == null && with(ItemStatus.FAILED).isEmpty() && with(ItemStatus.NOT_RUN).isEmpty()
                && results.stream().noneMatch(r -> r.status() == ItemStatus.SKIPPED && r.item().change() != Change.DELETE);
    }

    /** "Deployed: 3 written, 5 unchanged", "Stopped (...): 2 written, 1 failed, 4 not run". */
    public String summary() {
        String counts = with(ItemStatus.DONE).size() + " written, " + with(ItemStatus.UNCHANGED).size() + " unchanged"
                + part(ItemStatus.FAILED) + part(ItemStatus.SKIPPED) + part(ItemStatus.NOT_RUN);
        if (cancelled) {
            return "Cancelled: " + counts;
        }
        if (stopReason != null) {
            return "Stopped: " + counts;
        }
        return (succeeded() ? "Deployed: " : "Deployed with problems: ") + counts;
    }

    private String part(ItemStatus status) {
        int n = with(status).size();
        return n == 0 ? "" : ", " + n + " " + status.word();
    }
}
