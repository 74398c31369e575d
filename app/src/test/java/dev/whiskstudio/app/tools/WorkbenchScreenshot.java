package dev.whiskstudio.app.tools;

import dev.whiskstudio.app.AppConfig;
import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.WhiskStudioApp;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.workbench.Workbench;
import dev.whiskstudio.app.workspace.Samples;
import dev.whiskstudio.sim.config.Profile;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README's screenshot of the main window: the sample project open, an action in the editor, synced to the
 * embedded simulator and invoked, with its result. Run by hand with a display (Xvfb is fine), from the repository
 * root, after {@code mvn -q -pl app -am test-compile} and with the class path as {@link AppIconRenderer} says:
 * <pre>
 * java -cp ... dev.whiskstudio.app.tools.WorkbenchScreenshot docs/screenshot-main.png [dark]
 * java -cp ... dev.whiskstudio.app.tools.WorkbenchScreenshot docs/screenshot-activations.png activations
 * java -cp ... dev.whiskstudio.app.tools.WorkbenchScreenshot docs/screenshot-debugger.png debug
 * java -cp ... dev.whiskstudio.app.tools.WorkbenchScreenshot docs/screenshot-deploy.png deploy
 * </pre>
 * With {@code activations} it runs a mixed workload first (cold and warm starts, an application error, a crash,
 * a sequence, concurrent slow activations in several containers) and shows the activations panel large: the list
 * with the crash's details, and next to the file the same for the timeline ({@code -timeline.png}). With
 * {@code debug} it debugs the action from a breakpoint in the gutter, steps once, and shows the debugger paused.
 */
public final class WorkbenchScreenshot {
    private WorkbenchScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshot-main.png");
        ThemeChoice theme = args.length > 1 && args[1].equals("dark") ? ThemeChoice.DARK : ThemeChoice.LIGHT;
        boolean activations = args.length > 1 && args[1].equals("activations");
        boolean debug = args.length > 1 && args[1].equals("debug");
        boolean deploy = args.length > 1 && args[1].equals("deploy");
        Path scratch = Files.createTempDirectory("whisk-screenshot");
        Path project = Samples.copy(Samples.MANIFEST_DEMO, scratch);
        Path home = Files.createDirectories(scratch.resolve("home"));
        dev.whiskstudio.sim.Simulator cluster = null;
        if (deploy) {
            // a second simulator stands for the user's cluster, found in ~/.wskprops as wsk would find it
            cluster = dev.whiskstudio.sim.Simulator.start(dev.whiskstudio.sim.config.SimConfig
                    .defaults(scratch.resolve("cluster"), Profile.OPENWHISK).withPort(0));
            Files.writeString(home.resolve(".wskprops"), "APIHOST=" + cluster.apiHost() + "\nAUTH="
                    + dev.whiskstudio.sim.config.Credential.GUEST.auth() + "\n");
            // however the tool ends (a failure, a time-out's SIGTERM), the cluster's processes go with it
            dev.whiskstudio.sim.Simulator stopping = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::close, "cluster-stop"));
        }
        AppConfig config = new AppConfig(scratch.resolve("simulator"), 0, Profile.OPENWHISK, theme)
                .withUserHome(home).withProject(project);
        CompletableFuture<WhiskStudioApp> started = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                WhiskStudioApp app = new WhiskStudioApp(config);
                app.init();
                app.start(new Stage());
                started.complete(app);
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
        });
        WhiskStudioApp app = started.get(30, TimeUnit.SECONDS);
        Workbench wb = fx(app::workbench);
        waitFor("the simulator", () -> wb.targets().simulatorEntry() != null && wb.project().projectProperty().get() != null);
        fx(() -> {
            wb.openFile(project.resolve("src/hello.js"), 5);
            return null;
        });
        waitFor("the editor", () -> wb.editors().currentDocument().isPresent());
        fx(() -> {
            wb.commands().run(dev.whiskstudio.app.workbench.Command.SYNC_PROJECT);
            return null;
        });
        waitFor("the sync", () -> wb.project().lastSyncProperty().get() != null);
        fx(() -> {
            wb.targets().selectSimulator();
            wb.invokePanel().setAction(new ActionRef("_", "demo", "hello"));
            wb.invokePanel().editor().setText("{\n  \"name\": \"Ada\"\n}");
            wb.invokePanel().run();
            return null;
        });
        waitFor("the result", () -> !wb.invokePanel().runningProperty().get()
                && wb.invokePanel().resultView().getRoot() != null);
        if (deploy) {
            // one file of the project changed since the last deploy: the preview shows an update among unchanged
            fx(() -> {
                wb.commands().run(dev.whiskstudio.app.workbench.Command.DEPLOY_PROJECT);
                return null;
            });
            waitFor("the preview", () -> deployDialog() != null && deployText("#deploy-counts").startsWith("6 create"));
            fx(() -> {
                ((javafx.scene.control.Button) deployDialog().getScene().lookup("#deploy-button")).fire();
                return null;
            });
            waitFor("the deploy", () -> deployText("#deploy-status").startsWith("Deployed"));
            Files.writeString(project.resolve("src/shout.js"), Files.readString(project.resolve("src/shout.js"))
                    + "// louder\n");
            fx(() -> {
                ((javafx.scene.control.Button) deployDialog().getScene().lookup("#deploy-refresh")).fire();
                return null;
            });
            waitFor("the second preview", () -> deployText("#deploy-counts").startsWith("0 create, 1 update"));
            Thread.sleep(800);
            snapshotWindow(fx(WorkbenchScreenshot::deployDialog), out);
            fx(() -> {
                deployDialog().hide();
                return null;
            });
            cluster.close();
        } else if (debug) {
            Path hello = project.resolve("src/hello.js");
            var context = fx(() -> wb.debugPanel().context());
            fx(() -> {
                javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) wb.lookup("#vertical-split");
                split.setDividerPositions(0.5);
                context.breakpoints().put(dev.whiskstudio.app.debug.ui.UserBreakpoint.at(hello, 5));
                context.watches().addAll("params.name", "name.length");
                wb.commands().run(dev.whiskstudio.app.workbench.Command.DEBUG);
                return null;
            });
            waitFor("the pause", () -> context.pausedProperty().get() != null);
            fx(() -> {
                wb.commands().run(dev.whiskstudio.app.workbench.Command.STEP_OVER);
                return null;
            });
            waitFor("the step", () -> context.pausedProperty().get() != null && context.pausedProperty().get()
                    .location().map(l -> l.line() == 6).orElse(false));
            Thread.sleep(1500);
            snapshot(out);
            fx(() -> {
                wb.commands().run(dev.whiskstudio.app.workbench.Command.STOP_DEBUG);
                return null;
            });
            waitFor("the end of the session", () -> context.stateProperty().get()
                    == dev.whiskstudio.app.debug.DebugState.ENDED);
        } else if (activations) {
            MixedWorkload.run(wb.targets().simulatorEntry().target());
            fx(() -> {
                javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) wb.lookup("#vertical-split");
                split.setDividerPositions(0.30);
                return null;
            });
            waitFor("the activations", () -> wb.activations().view().log().size() >= MixedWorkload.ACTIVATIONS);
            String crash = fx(() -> java.util.Arrays.stream(wb.activations().view().log().snapshot().entries())
                    .map(e -> e.row()).filter(r -> r.path().equals("crash")).findFirst().orElseThrow().activationId());
            fx(() -> {
                wb.activations().show(crash);
                return null;
            });
            Thread.sleep(2000);
            snapshot(out);
            fx(() -> {
                wb.activations().getSelectionModel().select(1);
                wb.activations().timeline().fitAll();
                return null;
            });
            Thread.sleep(1500);
            snapshot(Path.of(out.toString().replace(".png", "-timeline.png")));
        } else {
            Thread.sleep(1500); // let the explorer and the highlighting finish drawing
            snapshot(out);
        }
        fx(() -> {
            app.stop();
            return null;
        });
        app.stopped().get(30, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(0);
    }

    /** The deploy dialog shown, or null; FX thread. */
    private static javafx.stage.Stage deployDialog() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof dev.whiskstudio.app.deploy.ui.DeployDialog && w.isShowing())
                .map(w -> (javafx.stage.Stage) w).findFirst().orElse(null);
    }

    /** A label's text in the deploy dialog, empty without one; FX thread. */
    private static String deployText(String query) {
        var dialog = deployDialog();
        var node = dialog == null ? null : dialog.getScene().lookup(query);
        return node instanceof javafx.scene.control.Labeled l ? l.getText() : "";
    }

    private static void snapshotWindow(Window window, Path file) throws Exception {
        WritableImage image = fx(() -> window.getScene().snapshot(null));
        ImageIO.write(toBuffered(image), "png", new File(file.toString()));
        System.out.println("wrote " + file.toAbsolutePath());
    }

    private static void snapshot(Path file) throws Exception {
        WritableImage image = fx(() -> {
            Scene scene = Window.getWindows().get(0).getScene();
            return scene.snapshot(null);
        });
        ImageIO.write(toBuffered(image), "png", new File(file.toString()));
        System.out.println("wrote " + file.toAbsolutePath());
    }

    /** The snapshot's pixels as an AWT image, for ImageIO (javafx-swing is not a dependency of the app). */
    private static java.awt.image.BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not come within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
