package dev.whiskstudio.app.activations;

import java.util.List;

/**
 * New activations of a target as they are recorded: by polling the REST API ({@link PollingFeed}, any target) or by
 * the simulator's event stream ({@code /sim/v1/events}). A feed can be subscribed again after a subscription is
 * closed: the view subscribes while it is shown and its "live" toggle is on.
 */
public interface ActivationFeed {

    /**
     * Starts delivering activations to {@code listener}, on a thread of the feed's, until the subscription is closed.
     *
     * @param resumeFrom the start (epoch ms, the target's clock) of the newest activation the caller already has, so
     *                   the feed can also deliver what was recorded since then; 0 when it has none
     */
    FeedSubscription subscribe(FeedListener listener, long resumeFrom);

    /** What a feed tells its subscriber; called on the feed's thread, never the FX thread. */
    interface FeedListener {
        /** Activations the feed has not delivered before on this subscription (any order). */
        void arrived(List<ActivationRow> rows);

        /** The feed's state changed: connected, retrying after a failure (with its words), stopped. */
        void stateChanged(FeedState state);
    }

    /** An open subscription; closing it stops the deliveries (one already under way may still finish). */
    interface FeedSubscription extends AutoCloseable {
        @Override
        void close();
    }
}
