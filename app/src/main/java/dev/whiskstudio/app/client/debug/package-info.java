/**
 * What the simulator's debug session API ({@code /sim/v1/namespaces/{ns}/debug}) answers, as values: a session
 * ({@link dev.whiskstudio.app.client.debug.DebugSessionInfo}: where its debugger listens, the script URL to set
 * breakpoints by, its state) and a session's moves on the live event stream
 * ({@link dev.whiskstudio.app.client.debug.DebugEvent}). Fields keep the API's names and words ({@code "paused"},
 * {@code "container-exited"}); the client that fetches them is
 * {@link dev.whiskstudio.app.client.SimulatorDebugClient}.
 */
package dev.whiskstudio.app.client.debug;
