package dev.whiskstudio.app.activations.timeline;

/**
 * What drawing one frame of the timeline took: how much of the model it touched and how long the drawing calls took
 * (the canvas renders them later, in the pulse).
 *
 * @param lanes          lanes drawn
 * @param barsLookedAt   bars the time index examined to find those in view
 * @param barsInView     bars crossing the visible window
 * @param barsDrawnWhole bars wide enough to be drawn with their wait, init and run parts
 * @param barsMerged     bars narrower than two pixels, merged with their neighbours into one rectangle per run of
 *                       pixel columns
 * @param rectangles     rectangles filled for bars (wait, init, run parts and merged columns)
 * @param drawNanos      time spent issuing the drawing calls
 */
public record FrameStats(int lanes, int barsLookedAt, int barsInView, int barsDrawnWhole, int barsMerged,
                         int rectangles, long drawNanos) {
    static final FrameStats NONE = new FrameStats(0, 0, 0, 0, 0, 0, 0);
}
