package dev.whiskstudio.sim;

import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import dev.whiskstudio.sim.config.SimConfigLoader;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The headless simulator's command line:
 * {@code serve [--port N] [--data-dir DIR] [--profile openwhisk|adobe-io-runtime] [--config FILE]}.
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: java -jar whisk-sim.jar serve [options]",
            "  --port N            port on 127.0.0.1 (default 3233; 0 picks a free one)",
            "  --data-dir DIR      where the SQLite store lives (default ~/.whisk-studio/simulator)",
            "  --profile NAME      openwhisk | adobe-io-runtime (default openwhisk)",
            "  --backend NAME      process (default: a Node.js process per container) | docker",
            "  --config FILE       YAML file with namespaces, keys, limits and invoker settings");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !"serve".equals(args[0])) {
            System.err.println(USAGE);
            System.exit(args.length == 0 || args[0].equals("--help") ? 0 : 2);
            return;
        }
        SimConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Simulator sim = Simulator.start(config);
        System.out.println("Whisk Studio simulator ready on " + sim.apiHost() + " (profile " + config.profile().id() + ")");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "sim-shutdown"));
        stopped.await();
    }

    /** Flags win over the config file, which wins over the profile's defaults. */
    static SimConfig parse(String[] args) throws java.io.IOException {
        Integer port = null;
        Path dataDir = null;
        Profile profile = null;
        Path configFile = null;
        String backend = null;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = parsePort(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--profile" -> profile = Profile.parse(value);
                case "--config" -> configFile = Path.of(value);
                case "--backend" -> backend = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        SimConfig config = SimConfig.defaults(SimConfig.defaultDataDir(), Profile.OPENWHISK);
        if (configFile != null) {
            config = SimConfigLoader.apply(config, configFile);
        }
        if (profile != null) {
            config = config.withProfile(profile);
        }
        if (port != null) {
            config = config.withPort(port);
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (backend != null) {
            config = config.withBackend(backend);
        }
        return config;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + value);
        }
    }
}
