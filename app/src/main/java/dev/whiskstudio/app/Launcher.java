package dev.whiskstudio.app;

import dev.whiskstudio.app.simulator.EarlyStart;
import dev.whiskstudio.app.simulator.SimulatorStarter;
import javafx.application.Application;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main class. It does not extend {@link Application} because JavaFX refuses to launch such a main class from
 * the classpath ("JavaFX runtime components are missing"); a plain class that hands over works.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // the simulator starts while JavaFX does; a configuration error is left for the app to show in its window
        try {
            EarlyStart.begin(AppConfig.from(System.getProperties(), namedArguments(args)).simConfig(),
                    new SimulatorStarter());
        } catch (IllegalArgumentException e) {
            // the app reports it
        }
        try {
            Application.launch(WhiskStudioApp.class, args);
        } finally {
            EarlyStart.abandon();
        }
    }

    /** {@code --name=value} arguments, as JavaFX's {@code Parameters.getNamed()} reads them. */
    static Map<String, String> namedArguments(String[] args) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                named.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return named;
    }
}
