package dev.whiskstudio.app.debug.ui;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.DebugSessionOptions;
import dev.whiskstudio.app.debug.LocalProxyBackend;
import dev.whiskstudio.app.debug.SourceMapping;
import dev.whiskstudio.app.editor.gutter.LineGutter;
import dev.whiskstudio.app.editor.recovery.RecoveryStore;
import dev.whiskstudio.app.editor.tabs.CloseChoice;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.editor.tabs.EditorSettings;
import dev.whiskstudio.app.editor.tabs.EditorTabs;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real window (headless Monocle) with the editor's tabs above the debug panel, wired as the app does: a
 * {@link DebugContext}, a {@link DebugPanel} and an {@link EditorDebugBridge} opening files through the tabs. A session
 * runs a real Node.js action proxy under the inspector ({@link LocalProxyBackend}, as the simulator's debug
 * containers do). {@link #close()} ends the session and leaves no process.
 */
final class DebugUiFixture implements AutoCloseable {
    static final long WAIT = 15;
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    EditorTabs tabs;
    DebugContext context;
    DebugPanel panel;
    EditorDebugBridge bridge;
    DebugSession session;
    LocalProxyBackend backend;

    DebugUiFixture(Path dir) {
        this.dir = dir;
    }

    /** Shows the window: editor tabs above, the debug panel below. */
    DebugUiFixture show() throws Exception {
        FxToolkit.registerPrimaryStage();
        runFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        EditorSettings settings = new EditorSettings(new RecoveryStore(dir.resolve("recovery")),
                Duration.ofSeconds(30), Duration.ofSeconds(30), document -> CloseChoice.DISCARD);
        FxToolkit.setupSceneRoot(() -> {
            tabs = new EditorTabs(settings);
            context = new DebugContext();
            panel = new DebugPanel(context);
            bridge = new EditorDebugBridge(context, tabs, tabs::openAt);
            SplitPane split = new SplitPane(tabs, panel);
            split.setOrientation(Orientation.VERTICAL);
            split.setDividerPositions(0.5);
            return split;
        });
        FxToolkit.setupStage(stage -> {
            stage.setWidth(1200);
            stage.setHeight(780);
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    EditorDocument open(Path file) throws Exception {
        CompletableFuture<EditorDocument> opened = onFx(() -> tabs.open(file));
        EditorDocument document = opened.get(WAIT, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return document;
    }

    /**
     * Starts the action proxy with {@code file} as the action's inline code under a new session shown in the views,
     * with the views' breakpoints applied before the code runs.
     */
    void startSession(Path file) throws Exception {
        backend = new LocalProxyBackend(Files.createDirectories(dir.resolve("proxy")),
                LocalProxyBackend.ActionCode.inline(Files.readString(file)));
        session = new DebugSession(DebugSessionOptions.forFx());
        runFx(() -> context.setSession(session));
        session.launch(backend, target -> SourceMapping.inlineAction(file, target.scriptUrl()))
                .get(WAIT, TimeUnit.SECONDS);
    }

    CompletableFuture<LocalProxyBackend.Reply> invoke(String paramsJson) throws Exception {
        return backend.run(JSON.readTree(paramsJson));
    }

    /** The execution line (from 1) the document's gutter shows, -1 for none. */
    int executionLine(EditorDocument document) throws Exception {
        return onFx(() -> document.editor().feature(LineGutter.class).orElseThrow()
                .executionLineProperty().get());
    }

    String status() throws Exception {
        return onFx(() -> panel.status().getText());
    }

    @Override
    public void close() throws Exception {
        try {
            if (session != null) {
                session.close().get(WAIT, TimeUnit.SECONDS);
            }
        } finally {
            if (backend != null) {
                backend.stop(null);
            }
            if (tabs != null) {
                runFx(() -> {
                    bridge.dispose();
                    tabs.dispose();
                });
            }
            FxToolkit.cleanupStages();
        }
    }

    static <T> T onFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(WAIT, TimeUnit.SECONDS);
    }

    static void runFx(Runnable run) throws Exception {
        onFx(() -> {
            run.run();
            return null;
        });
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /** Waits for {@code condition}; on time out the failure says what the views show. */
    void await(Callable<Boolean> condition) throws Exception {
        try {
            waitUntil(condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; " + describe(), e);
        }
    }

    String describe() throws Exception {
        return onFx(() -> "status: " + panel.status().getText() + "; console: " + panel.console().entries()
                + "; marker target: " + bridge.executionLine().target() + "; execution lines: "
                + tabs.documents().stream().map(d -> d.fileName() + ":" + d.editor().feature(LineGutter.class)
                .orElseThrow().executionLineProperty().get()).toList()
                + "; selected frame: " + context.selectedFrame() + "; breakpoints: " + context.breakpointStatuses());
    }
}
