package dev.whiskstudio.app.activations.timeline;

import java.util.Locale;
import java.util.Objects;

/**
 * One activation as the timeline draws it: a bar in its lane from {@code queuedAt} to {@code end}, split into wait
 * ({@code queuedAt} to {@code start}), init ({@code start} to {@code initEnd}) and run ({@code initEnd}, or
 * {@code start} when there was no init, to {@code end}). Times are epoch milliseconds.
 *
 * <p>The constructor tidies what a platform may send: a missing or later queue time becomes {@code start}, an init end
 * outside the bar is clamped into it, an end before the start becomes the start, and a bar without an end is
 * {@link Outcome#RUNNING}.
 *
 * @param activationId the activation's id, the bar's identity in a {@link TimelineModel}
 * @param laneKey      which lane the bar is drawn in (a container id on the simulator, an action path on a cluster)
 * @param laneLabel    the lane's name shown on the left; the key when null or blank
 * @param queuedAt     when the activation was accepted and began to wait for a container
 * @param start        when it got its container
 * @param initEnd      when its {@code /init} finished, or -1 when there was none (a warm start)
 * @param end          when it finished, or -1 while it runs
 * @param startKind    cold, prewarm, warm or unknown: colours the init and run parts
 * @param outcome      how it ended, or {@link Outcome#RUNNING}
 * @param label        the text for the bar (usually the action's name); the id when null
 */
public record TimelineBar(String activationId, String laneKey, String laneLabel, long queuedAt, long start,
                          long initEnd, long end, StartKind startKind, Outcome outcome, String label) {

    /** How the activation got its container. */
    public enum StartKind {
        /** A container was started for it and initialised. */
        COLD,
        /** A prewarmed stem cell was taken and initialised with the action. */
        PREWARM,
        /** A container already initialised with the action was reused. */
        WARM,
        /** Not known (a cluster that does not say). */
        UNKNOWN
    }

    /** How the activation ended. */
    public enum Outcome {
        SUCCESS,
        APPLICATION_ERROR,
        DEVELOPER_ERROR,
        WHISK_ERROR,
        /** Not ended yet: the bar grows with time. */
        RUNNING;

        /** A word or two for people: "success", "developer error"... */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public TimelineBar {
        if (activationId == null || activationId.isBlank()) {
            throw new IllegalArgumentException("a timeline bar needs an activation id");
        }
        Objects.requireNonNull(laneKey, "laneKey");
        if (laneLabel == null || laneLabel.isBlank()) {
            laneLabel = laneKey;
        }
        if (start < 0) {
            throw new IllegalArgumentException("bar " + activationId + " has no start time");
        }
        if (queuedAt <= 0 || queuedAt > start) {
            queuedAt = start;
        }
        if (end >= 0 && end < start) {
            end = start;
        }
        if (initEnd < 0) {
            initEnd = -1;
        } else {
            initEnd = Math.max(initEnd, start);
            if (end >= 0) {
                initEnd = Math.min(initEnd, end);
            }
        }
        startKind = startKind == null ? StartKind.UNKNOWN : startKind;
        if (end < 0) {
            end = -1;
            outcome = Outcome.RUNNING;
        }
        Objects.requireNonNull(outcome, "outcome of a finished bar");
        if (label == null || label.isBlank()) {
            label = activationId;
        }
    }

    /** Whether it is still running (no end yet). */
    public boolean running() {
        return end < 0;
    }

    /** The end, or {@code now} while it runs (never before the start). */
    public long endOr(long now) {
        return end >= 0 ? end : Math.max(start, now);
    }

    /** Whether it ended in an error of any kind. */
    public boolean failed() {
        return outcome != Outcome.SUCCESS && outcome != Outcome.RUNNING;
    }

    public long waitMillis() {
        return start - queuedAt;
    }

    /** The init time, or -1 when there was none. */
    public long initMillis() {
        return initEnd < 0 ? -1 : initEnd - start;
    }

    /** Where the run part begins: after the init, or at the start. */
    public long runStart() {
        return initEnd < 0 ? start : initEnd;
    }

    /** The run time so far ({@code now} is used while it runs). */
    public long runMillis(long now) {
        return endOr(now) - runStart();
    }

    /** A copy that ended at {@code endedAt} with {@code how}. */
    public TimelineBar finished(long endedAt, Outcome how) {
        return new TimelineBar(activationId, laneKey, laneLabel, queuedAt, start, initEnd, endedAt, startKind, how, label);
    }
}
