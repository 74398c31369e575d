package dev.whiskstudio.app.debug.sim;

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

    @Override
    public DebugTarget start() throws IOException {
        DebugSessionInfo session = client.start(action.namespace(), action.path());
        return new DebugTarget(session.sessionId(), session.inspectorUrl(), session.scriptUrl(), session.workDir());
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
