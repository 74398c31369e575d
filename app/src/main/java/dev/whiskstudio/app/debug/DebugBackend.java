package dev.whiskstudio.app.debug;

import java.io.IOException;

/**
 * What a debug session needs from whoever runs the program: the simulator (a debug container for one action) or,
 * in tests, a process started on the spot. Calls may block on I/O: a session makes them on its own background thread,
 * one at a time, in order, never on the FX thread; each should answer within a few seconds (its HTTP client's
 * timeouts), and a session does not wait longer than its {@link DebugSessionOptions} bounds.
 */
public interface DebugBackend {

    /**
     * Starts the program with the inspector listening and returns where to attach. For an action: a fresh container
     * for it, initialised ({@code /init}) so its code is parsed, kept for this session only.
     */
    DebugTarget start() throws IOException;

    /**
     * The debugger holds the program paused ({@code true}) or let it go on ({@code false}): the simulator stops the
     * activation's clock (time limit, blocking wait) while paused. Calls come in order, repeated states left out.
     */
    void setPaused(DebugTarget target, boolean paused) throws IOException;

    /**
     * Ends the target: the container or process is removed, an activation in it ends as a crashed one. Called once
     * when the session ends, for whatever reason; must leave no process behind.
     */
    void stop(DebugTarget target) throws IOException;
}
