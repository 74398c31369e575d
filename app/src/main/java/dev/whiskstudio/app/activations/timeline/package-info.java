/**
 * The activations timeline: {@link dev.whiskstudio.app.activations.timeline.TimelineBar bars} (one per activation,
 * split into wait, init and run) in a {@link dev.whiskstudio.app.activations.timeline.TimelineModel} indexed by time,
 * drawn on a canvas by {@link dev.whiskstudio.app.activations.timeline.ActivationTimeline} with zoom, pan, hover
 * details, selection and follow-live, and its toolbar
 * {@link dev.whiskstudio.app.activations.timeline.TimelineControls}. It knows nothing of clients or rows: the caller
 * maps its activations to bars.
 */
package dev.whiskstudio.app.activations.timeline;
