package dev.whiskstudio.app.debug.sim;

import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.client.SimulatorDebugClient;
import dev.whiskstudio.app.client.debug.DebugSessionInfo;
import dev.whiskstudio.app.debug.DebugBackend;
import dev.whiskstudio.app.debug.DebugTarget;
import dev.whiskstudio.app.explorer.ActionRef;

import java.io.IOException;

/**
 * A debug session of one action on the simulator ({@code /sim/v1/namespaces/NS/debug}): started with its own container
 * and inspector, told when the debugger holds it paused (so its time limit and its callers' wait stop), and ended by
 * removing that container. While it lasts, every activation of the action runs in that container, whoever invokes it.
 */
public final class SimulatorDebugBackend implements DebugBackend {
    private final SimulatorDebugClient client;
    private final ActionRef action;

    /** @param client closed by the caller once the session has ended */
    public SimulatorDebugBackend(SimulatorDebugClient client, ActionRef action) {
        this.client = client;
        this.action = action;
    }

    /** The session as the simulator started it, once {@link #start()} returned. */
    private volatile DebugSessionInfo started;

    @Override
    public DebugTarget start() throws IOException {
        DebugSessionInfo session;
        try {
            session = client.start(action.namespace(), action.path());
        } catch (OpenWhiskException e) {
            if (e.status() != 409) {
                throw e;
            }
            // a session of this action is on already: one a debugger left behind (it crashed, or gave up waiting
            // for a slow start). Debug means "debug it now": the simulator ends that one and starts this one
            session = client.start(action.namespace(), action.path(), true);
        }
        started = session;
        return new DebugTarget(session.sessionId(), session.inspectorUrl(), session.scriptUrl(), session.workDir());
    }

    /**
     * The action's version and update time the session's container was initialised with ({@code version@updated}),
     * null before it started: when the action's differs, the container runs older code.
     */
    public String revision() {
        DebugSessionInfo s = started;
        return s == null ? null : s.revision();
    }

    @Override
    public void setPaused(DebugTarget target, boolean paused) throws IOException {
        client.setPaused(action.namespace(), target.id(), paused);
    }

    @Override
    public void stop(DebugTarget target) throws IOException {
        client.stop(action.namespace(), target.id());
    }

    public ActionRef action() {
        return action;
    }
}
