package dev.whiskstudio.app.workspace.sync;

import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Executes a {@link SyncPlan} against one target, step after step, on the calling thread (which blocks on the
 * network: not the FX thread). Each write is a PUT with {@code overwrite=true}, so running a plan again updates
 * what the last run created. A rule is also set active; a trigger's feed is (re)created by invoking the feed action
 * with {@code lifecycleEvent} DELETE, whose failure for a new trigger is expected, then CREATE.
 * <p>
 * A step the platform refuses is recorded with the platform's message, and the run goes on; a step that needs a
 * failed or skipped step (an action in a failed package, a sequence with a failed component, a rule on a failed
 * trigger) is skipped with a message saying which. Cancellation is checked before each step; a cancelled run
 * returns what was done and what was not. When the target cannot be reached at all, the run stops rather than
 * waiting out a timeout per step.
 */
public final class SyncRun {
    private final StepWriter writer;

    /**
     * @param client the target's client (the caller closes it)
     * @param auth   the target's key, which a feed needs to fire the trigger; used for nothing else
     */
    public SyncRun(OpenWhiskClient client, String auth) {
        this.writer = new StepWriter(client, auth);
    }

    public SyncResult execute(SyncPlan plan, SyncListener listener, BooleanSupplier cancelled) {
        SyncListener hear = listener == null ? SyncListener.NONE : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        List<StepResult> results = new ArrayList<>();
        Map<String, StepResult> byId = new HashMap<>();
        int total = plan.size();
        boolean wasCancelled = false;
        String stopReason = null;
        int index = 0;
        for (; index < total; index++) {
            if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                wasCancelled = true;
                break;
            }
            SyncStep step = plan.steps().get(index);
            hear.started(index, total, step);
            StepResult result = blockedBy(step, byId);
            if (result == null) {
                try {
                    writer.write(step);
                    result = StepResult.done(step);
                } catch (OpenWhiskException e) {
                    result = new StepResult(step, StepStatus.FAILED, e.error(), e.status());
                } catch (IOException e) {
                    if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        result = new StepResult(step, StepStatus.FAILED,
                                "Cancelled while it was being sent: it may or may not have been applied.", 0);
                        wasCancelled = true;
                    } else {
                        result = new StepResult(step, StepStatus.FAILED, StepWriter.describe(e), 0);
                        if (StepWriter.isUnreachable(e)) {
                            stopReason = "the target cannot be reached";
                        }
                    }
                } catch (RuntimeException e) {
                    result = new StepResult(step, StepStatus.FAILED, String.valueOf(e.getMessage()), 0);
                }
            }
            results.add(result);
            byId.put(step.id(), result);
            hear.finished(index, total, result);
            if (wasCancelled || stopReason != null) {
                index++;
                break;
            }
        }
        List<SyncStep> notRun = plan.steps().subList(Math.min(index, total), total);
        return new SyncResult(results, notRun, plan.warnings(), wasCancelled, stopReason);
    }

    /** A skip result when a step this one needs did not succeed, else null. */
    private static StepResult blockedBy(SyncStep step, Map<String, StepResult> byId) {
        for (String need : step.dependsOn()) {
            StepResult before = byId.get(need);
            if (before != null && !before.ok()) {
                SyncStep needed = before.step();
                return new StepResult(step, StepStatus.SKIPPED, "Skipped: it needs the " + needed.kind().word() + " "
                        + needed.name() + ", which " + (before.status() == StepStatus.FAILED ? "failed" : "was skipped")
                        + ".", 0);
            }
        }
        return null;
    }

}
