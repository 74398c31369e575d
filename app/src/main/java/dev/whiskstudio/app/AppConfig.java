package dev.whiskstudio.app;

import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the app is started with: where the embedded simulator keeps its data, the port it asks for (0: any free
 * port), the platform it behaves like, the theme, and the home folder whose {@code .wskprops} and
 * {@code .whisk-studio} (targets, remembered inputs, recovery copies) it uses. Tests pass their own; a user's run
 * reads system properties. {@code project} is a folder to open at start, or null.
 */
public record AppConfig(Path simulatorDataDir, int simulatorPort, Profile simulatorProfile, ThemeChoice theme,
                        Path userHome, Path project) {

    public static final String DATA_DIR_PROPERTY = "whisk.studio.simulator.dataDir";
    public static final String PORT_PROPERTY = "whisk.studio.simulator.port";
    public static final String PROFILE_PROPERTY = "whisk.studio.simulator.profile";
    public static final String THEME_PROPERTY = "whisk.studio.theme";
    public static final String PROJECT_PROPERTY = "whisk.studio.project";
    /** Each named argument and the system property it stands for. */
    private static final Map<String, String> ARGUMENTS = orderedMap(
            "data-dir", DATA_DIR_PROPERTY, "port", PORT_PROPERTY, "profile", PROFILE_PROPERTY, "theme", THEME_PROPERTY,
            "project", PROJECT_PROPERTY);

    public AppConfig {
        if (simulatorPort < 0 || simulatorPort > 65_535) {
            throw new IllegalArgumentException("a port is between 0 and 65535, not " + simulatorPort);
        }
    }

    /** The user's own home folder. */
    public AppConfig(Path simulatorDataDir, int simulatorPort, Profile simulatorProfile, ThemeChoice theme) {
        this(simulatorDataDir, simulatorPort, simulatorProfile, theme, Path.of(System.getProperty("user.home")), null);
    }

    public AppConfig withTheme(ThemeChoice next) {
        return new AppConfig(simulatorDataDir, simulatorPort, simulatorProfile, next, userHome, project);
    }

    public AppConfig withUserHome(Path home) {
        return new AppConfig(simulatorDataDir, simulatorPort, simulatorProfile, theme, home, project);
    }

    public AppConfig withProject(Path folder) {
        return new AppConfig(simulatorDataDir, simulatorPort, simulatorProfile, theme, userHome, folder);
    }

    /** ~/.whisk-studio/simulator, port 3233 (the port a local OpenWhisk uses), OpenWhisk's limits, light. */
    public static AppConfig defaults() {
        return new AppConfig(SimConfig.defaultDataDir(), SimConfig.DEFAULT_PORT, Profile.OPENWHISK, ThemeChoice.LIGHT);
    }

    /** The defaults, with any of the {@code whisk.studio.*} properties given on the command line in their place. */
    public static AppConfig from(Properties properties) {
        return from(properties, Map.of());
    }

    /**
     * The defaults, replaced by system properties ({@code -Dwhisk.studio.simulator.port=0}), replaced in turn by the
     * program's named arguments ({@code --port=0}; with {@code javafx:run}, {@code -Djavafx.args="--port=0"}).
     */
    public static AppConfig from(Properties properties, Map<String, String> arguments) {
        for (String name : arguments.keySet()) {
            if (!ARGUMENTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: --"
                        + String.join(", --", ARGUMENTS.keySet()) + ")");
            }
        }
        AppConfig d = defaults();
        String dataDir = setting("data-dir", properties, arguments);
        String port = setting("port", properties, arguments);
        String profile = setting("profile", properties, arguments);
        String theme = setting("theme", properties, arguments);
        String project = setting("project", properties, arguments);
        return new AppConfig(
                dataDir == null ? d.simulatorDataDir() : Path.of(dataDir),
                port == null ? d.simulatorPort() : parsePort(port),
                profile == null ? d.simulatorProfile() : Profile.parse(profile),
                theme == null ? d.theme() : ThemeChoice.parse(theme),
                d.userHome(),
                project == null ? null : Path.of(project));
    }

    /** The argument if given, else the system property, else null; blank counts as not given. */
    private static String setting(String argument, Properties properties, Map<String, String> arguments) {
        String value = arguments.get(argument);
        if (value == null || value.isBlank()) {
            value = properties.getProperty(ARGUMENTS.get(argument));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port (--port or " + PORT_PROPERTY + ") must be a number, not '"
                    + text + "'", e);
        }
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The simulator's own configuration: its profile's defaults at our data directory and port. */
    public SimConfig simConfig() {
        return SimConfig.defaults(simulatorDataDir, simulatorProfile).withPort(simulatorPort);
    }
}
