/**
 * The activations list of a target: the row model shared with the timeline ({@link
 * dev.whiskstudio.app.activations.ActivationRow}), the in-memory log of rows ({@link
 * dev.whiskstudio.app.activations.ActivationLog}) and its filters, the live feeds (polling over the REST API on any
 * target; the simulator's event stream plugs in through {@link dev.whiskstudio.app.activations.ActivationFeed}), the
 * saved filters, the details of one activation (result, logs, annotations, parameters, the tree of a sequence) and
 * the export of records as JSON. What only the simulator knows (container, prewarm starts, parameters) comes in
 * through {@link dev.whiskstudio.app.activations.InsightSource}.
 */
package dev.whiskstudio.app.activations;
