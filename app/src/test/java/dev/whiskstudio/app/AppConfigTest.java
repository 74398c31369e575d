package dev.whiskstudio.app;

import dev.whiskstudio.sim.config.Profile;
import dev.whiskstudio.sim.config.SimConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AppConfigTest {

    @Test
    void defaultsAreTheUsersSimulatorOnTheStandardPort() {
        AppConfig config = AppConfig.from(new Properties());
        assertEquals(SimConfig.defaultDataDir(), config.simulatorDataDir());
        assertEquals(3233, config.simulatorPort());
        assertEquals(Profile.OPENWHISK, config.simulatorProfile());
        assertEquals(ThemeChoice.LIGHT, config.theme());
    }

    @Test
    void systemPropertiesReplaceTheDefaults() {
        Properties p = new Properties();
        p.setProperty(AppConfig.DATA_DIR_PROPERTY, "/tmp/ws-sim");
        p.setProperty(AppConfig.PORT_PROPERTY, "0");
        p.setProperty(AppConfig.PROFILE_PROPERTY, "adobe-io-runtime");
        p.setProperty(AppConfig.THEME_PROPERTY, "Dark");
        AppConfig config = AppConfig.from(p);
        assertEquals(Path.of("/tmp/ws-sim"), config.simulatorDataDir());
        assertEquals(0, config.simulatorPort());
        assertEquals(Profile.ADOBE_IO_RUNTIME, config.simulatorProfile());
        assertEquals(ThemeChoice.DARK, config.theme());

        SimConfig sim = config.simConfig();
        assertEquals(0, sim.port());
        assertEquals(Path.of("/tmp/ws-sim"), sim.dataDir());
        assertEquals(Profile.ADOBE_IO_RUNTIME.limits(), sim.limits());
    }

    @Test
    void namedArgumentsWinOverSystemProperties() {
        Properties p = new Properties();
        p.setProperty(AppConfig.PORT_PROPERTY, "4000");
        p.setProperty(AppConfig.THEME_PROPERTY, "dark");
        AppConfig config = AppConfig.from(p, Map.of("port", "0", "data-dir", "/tmp/other"));
        assertEquals(0, config.simulatorPort());
        assertEquals(Path.of("/tmp/other"), config.simulatorDataDir());
        assertEquals(ThemeChoice.DARK, config.theme());
    }

    @Test
    void anUnknownArgumentIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.from(new Properties(), Map.of("prot", "0")));
        assertEquals("unknown option --prot (known: --data-dir, --port, --profile, --theme, --project)", e.getMessage());
    }

    @Test
    void aBadValueIsRefusedNamingTheProperty() {
        Properties p = new Properties();
        p.setProperty(AppConfig.PORT_PROPERTY, "http");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppConfig.from(p));
        assertEquals(true, e.getMessage().contains(AppConfig.PORT_PROPERTY));
        assertThrows(IllegalArgumentException.class,
                () -> new AppConfig(Path.of("x"), 70_000, Profile.OPENWHISK, ThemeChoice.LIGHT));
        Properties theme = new Properties();
        theme.setProperty(AppConfig.THEME_PROPERTY, "neon");
        assertThrows(IllegalArgumentException.class, () -> AppConfig.from(theme));
    }
}
