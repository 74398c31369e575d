package dev.whiskstudio.app;

import javafx.application.Application;

/**
 * The main class. It does not extend {@link Application} because JavaFX refuses to launch such a main class from
 * the classpath ("JavaFX runtime components are missing"); a plain class that hands over works.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(WhiskStudioApp.class, args);
    }
}
