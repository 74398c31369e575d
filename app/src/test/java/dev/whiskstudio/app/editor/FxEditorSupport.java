package dev.whiskstudio.app.editor;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Helpers for the editor's UI tests: a real stage (headless Monocle) with the app's theme, FX-thread calls, waits. */
public final class FxEditorSupport {
    public static final long WAIT_SECONDS = 15;

    private FxEditorSupport() {
    }

    /** Shows {@code root} in the primary stage, 900x600, under AtlantaFX PrimerLight as the app does. */
    public static Stage show(Callable<Parent> root) throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
        FxToolkit.setupSceneRoot(() -> {
            try {
                return root.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Stage stage = FxToolkit.setupStage(s -> {
            s.setWidth(900);
            s.setHeight(600);
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    public static <T> T onFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    public static void runFx(Runnable run) throws Exception {
        onFx(() -> {
            run.run();
            return null;
        });
    }

    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
