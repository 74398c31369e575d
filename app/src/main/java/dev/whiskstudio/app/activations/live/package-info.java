/**
 * The activations views fed by a target: on the Whisk Studio simulator its insight API and live event stream
 * ({@code /sim/v1}), elsewhere the REST API polled; and the mapping of rows to timeline bars and of the simulator's
 * pool to the pool view.
 */
package dev.whiskstudio.app.activations.live;
