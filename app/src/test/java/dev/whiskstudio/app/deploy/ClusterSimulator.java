package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetSource;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * A second simulator instance on loopback acting as the cluster a project is deployed to, with its own client for
 * reading back, and a deployer whose requests a {@link RequestCounter} records.
 */
final class ClusterSimulator implements AutoCloseable {
    static final String GUEST = Credential.GUEST.namespace();

    final Simulator sim;
    final OpenWhiskClient client;
    final TargetEntry entry;
    final RequestCounter counter = new RequestCounter();

    ClusterSimulator(Path dataDir) throws Exception {
        sim = Simulator.start(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(0));
        client = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.auth());
        // no namespace given: the deployer asks the key's, as for a real cluster from a .wskprops without NAMESPACE
        entry = TargetEntry.of(new Target("cluster", sim.apiHost(), Credential.GUEST.auth()), null,
                TargetSource.USER, null);
    }

    Deployer deployer() {
        return Deployer.open(entry, RetryPolicy.DEFAULT, List.of(counter));
    }

    @Override
    public void close() {
        client.close();
        sim.close();
    }
}
