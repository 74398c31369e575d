/**
 * The OpenWhisk REST client, one for every target: the embedded simulator, a local OpenWhisk, Adobe I/O Runtime.
 * It speaks API v1 over HTTP with basic auth, parses answers with Jackson, and turns the platform's
 * {@code {"error","code"}} answers into {@link dev.whiskstudio.app.client.OpenWhiskException}. Beside it,
 * {@link dev.whiskstudio.app.client.SimulatorInsightClient} speaks the Whisk Studio simulator's own {@code /sim/v1}
 * (pool, activation insight, live events; values in {@code client.insight}), and
 * {@link dev.whiskstudio.app.client.SimulatorDebugClient} its debug sessions (values in {@code client.debug}). Keys
 * never leave this package except inside the {@code Authorization} header: no log, message or {@code toString} holds
 * one.
 */
package dev.whiskstudio.app.client;
