/**
 * Debug sessions: an action's own container, started with the runtime's debugger (the Node.js inspector) on a free
 * loopback port, initialised with the action, and kept out of the pool. While a session is on, every activation of
 * that action in that namespace runs in it, one at a time and first in first out ({@link
 * dev.whiskstudio.sim.debug.DebugSessions} routes them there), and the time the debugger holds the process paused
 * counts neither against the activation's time limit ({@link dev.whiskstudio.sim.debug.PausableDeadline}) nor
 * against its caller's wait ({@link dev.whiskstudio.sim.debug.PausedLedger}). A session ends when the app ends it,
 * when its container dies or fails, or when the simulator stops; its container goes with it.
 * {@link dev.whiskstudio.sim.debug.DebugApi} serves them under {@code /sim/v1/namespaces/{ns}/debug}.
 */
package dev.whiskstudio.sim.debug;
