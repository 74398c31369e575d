package dev.whiskstudio.app.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.sim.Simulator;
import dev.whiskstudio.sim.config.Credential;
import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A real simulator on a free loopback port with its own data directory, a client on it, and its target. */
public final class LiveSimulator implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String GUEST = Credential.GUEST.namespace();

    private final Simulator sim;
    private final OpenWhiskClient client;

    private LiveSimulator(Simulator sim) {
        this.sim = sim;
        this.client = new OpenWhiskClient(sim.apiHost(), Credential.GUEST.auth());
    }

    public static LiveSimulator start(Path dataDir) throws Exception {
        return start(dataDir, 0, c -> c);
    }

    public static LiveSimulator start(Path dataDir, int port, UnaryOperator<SimConfig> tune) throws Exception {
        return new LiveSimulator(Simulator.start(tune.apply(SimConfig.defaults(dataDir, Profile.OPENWHISK).withPort(port))));
    }

    public Target target() {
        return new Target("test simulator", sim.apiHost(), Credential.GUEST.auth());
    }

    public OpenWhiskClient client() {
        return client;
    }

    public String apiHost() {
        return sim.apiHost();
    }

    public static ObjectNode nodeAction(String code) {
        ObjectNode a = JSON.createObjectNode();
        a.putObject("exec").put("kind", "nodejs:20").put("code", code);
        return a;
    }

    public void action(String path, String code) throws IOException {
        client.put(GUEST, EntityCollection.ACTIONS, path, nodeAction(code), false);
    }

    public JsonNode get(EntityCollection collection, String name) throws IOException {
        return client.get(GUEST, collection, name);
    }

    @Override
    public void close() {
        client.close();
        sim.close();
    }
}
