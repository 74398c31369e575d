package dev.whiskstudio.sim.insight;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The simulator's version: the project version Maven wrote into the jar ({@code pom.properties}), or
 * {@code version.properties} once the build filters resources; {@code development} when run from a build's
 * classes without either.
 */
final class SimulatorVersion {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.whiskstudio/whisk-runtime-sim/pom.properties";
    private static final String VERSION_PROPERTIES = "/dev/whiskstudio/sim/insight/version.properties";

    private SimulatorVersion() {
    }

    static String get() {
        String filtered = read(VERSION_PROPERTIES);
        if (filtered != null && !filtered.startsWith("${")) {
            return filtered;
        }
        String fromJar = read(POM_PROPERTIES);
        return fromJar != null ? fromJar : "development";
    }

    private static String read(String resource) {
        try (InputStream in = SimulatorVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || v.isBlank() ? null : v.strip();
        } catch (IOException e) {
            return null;
        }
    }
}
