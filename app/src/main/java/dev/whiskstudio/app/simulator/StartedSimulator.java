package dev.whiskstudio.app.simulator;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;

/** A running simulator and the port it was asked to take, which it may not have got. */
public record StartedSimulator(Simulator simulator, int requestedPort) {

    /** The namespace the app looks at: the one of the guest key, which every local OpenWhisk has. */
    public static final Credential KEY = Credential.GUEST;

    /** True when the requested port was taken by another program and the simulator took a free one instead. */
    public boolean onOtherPort() {
        return requestedPort != 0 && simulator.port() != requestedPort;
    }

    public Target target() {
        return new Target("Local simulator", simulator.apiHost(), KEY.auth());
    }
}
