package dev.whiskstudio.app;

import dev.whiskstudio.app.node.NodeProbe;
import dev.whiskstudio.app.simulator.SimulatorStarter;
import dev.whiskstudio.app.status.StatusModel;
import dev.whiskstudio.app.workbench.AppSettings;
import dev.whiskstudio.app.workbench.Workbench;
import dev.whiskstudio.app.workspace.env.UserEnvironment;
import dev.whiskstudio.app.ui.AppIconImages;
import dev.whiskstudio.app.ui.StyleSheets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.concurrent.CompletableFuture;

/**
 * The desktop app. The window opens at once; the embedded simulator and the look for Node.js start behind it, and
 * the window shows their progress. Closing the window asks about unsaved edits, then stops the simulator (JavaFX
 * calls {@link #stop()} on exit).
 */
public final class WhiskStudioApp extends Application {
    public static final String TITLE = "Whisk Studio";

    private AppConfig config;
    private StatusModel model;
    private Workbench workbench;
    private final NodeProbe nodeProbe;
    private AppSettings settings = AppSettings.defaults();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    /** What JavaFX's launcher calls: the configuration comes from named arguments and system properties. */
    public WhiskStudioApp() {
        this(null, new NodeProbe());
    }

    /** For tests and embedders: a given configuration instead of the system properties. */
    public WhiskStudioApp(AppConfig config) {
        this(config, new NodeProbe());
    }

    /** For tests: a look for Node.js of their own (a command that does not exist, say). */
    public WhiskStudioApp(AppConfig config, NodeProbe nodeProbe) {
        this.config = config;
        this.nodeProbe = nodeProbe;
    }

    @Override
    public void init() {
        // on the launcher thread: the settings file is read before the window exists, not on the FX thread
        boolean fromCommandLine = config == null;
        if (fromCommandLine) {
            config = AppConfig.from(System.getProperties(), getParameters().getNamed());
        }
        settings = AppSettings.load(config.userHome().resolve(UserEnvironment.CONFIG_DIR_NAME));
        if (fromCommandLine) {
            // what the command line does not say, the last run's choices do
            var named = getParameters().getNamed();
            if (!named.containsKey("theme") && System.getProperty(AppConfig.THEME_PROPERTY) == null) {
                config = config.withTheme(settings.theme());
            }
            if (config.project() == null && settings.lastProject() != null
                    && java.nio.file.Files.isDirectory(settings.lastProject())) {
                config = config.withProject(settings.lastProject());
            }
        }
    }

    @Override
    public void start(Stage stage) {
        StartupReport.mark("fx-start");
        Application.setUserAgentStylesheet(config.theme().userAgentStylesheet());
        model = new StatusModel(config, new SimulatorStarter(), nodeProbe);
        workbench = new Workbench(config, model, settings);

        // as large as the layout wants, but never larger than the screen
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1320, screen.getWidth());
        double height = Math.min(820, screen.getHeight());
        Scene scene = new Scene(workbench, width, height);
        scene.getStylesheets().add(StyleSheets.app());
        stage.setTitle(TITLE);
        stage.getIcons().setAll(AppIconImages.all());
        stage.setScene(scene);
        // the stage may have had a size already (an embedder's, a test's): the scene's alone would not win
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setOnCloseRequest(e -> {
            // the window stays until every unsaved file is saved or let go
            e.consume();
            workbench.closeAll().thenAccept(closed -> Platform.runLater(() -> {
                if (closed) {
                    stage.hide();
                }
            }));
        });
        Runnable firstPulse = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                StartupReport.mark("window-shown");
            }
        };
        scene.addPostLayoutPulseListener(firstPulse);
        stage.show();
        // no button should look pressed at start (JavaFX focuses the first enabled one)
        scene.getRoot().requestFocus();
        // after show: set before, some window managers (openbox) open the window at its minimum size
        stage.setMinWidth(900);
        stage.setMinHeight(560);

        model.startSimulator();
        model.checkNode();
        workbench.offerRecoveredEdits();
        if (config.project() != null) {
            workbench.openProject(config.project());
        }
    }

    /** Hands the simulator's stop to its own thread and returns: the FX thread does not wait for it. */
    @Override
    public void stop() {
        if (workbench != null) {
            workbench.dispose();
        }
        if (model == null) {
            stopped.complete(null);
            return;
        }
        model.close().whenComplete((ok, failure) -> {
            if (failure != null) {
                stopped.completeExceptionally(failure);
            } else {
                stopped.complete(null);
            }
        });
    }

    /** The window's content, once started. */
    public Workbench workbench() {
        return workbench;
    }

    /** Completes once the simulator has let go of its port and data after {@link #stop()}. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }
}
