package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.DebugState;
import dev.whiskstudio.app.debug.ExceptionPause;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * The debugger's panel for the session in a {@link DebugContext}: a toolbar (Continue F8, Step over F10, Step into
 * F11, Step out Shift+F11, Pause, Stop, and when exceptions pause the program), a status line, and the call stack,
 * breakpoints, variables, watches and console. The shortcuts are put on the scene the panel is in. FX thread only.
 */
public final class DebugPanel extends dev.whiskstudio.app.ui.FillPane {
    private final DebugContext context;
    private final DebugCommands commands;
    private final Label status = new Label();
    private final VBox column;
    private final CallStackView callStack;
    private final VariablesView variables;
    private final WatchesView watches;
    private final ConsoleView console;
    private final BreakpointsView breakpoints;
    private final ChangeListener<Scene> sceneChange = (obs, old, now) -> {
        if (old != null) {
            commands().uninstallShortcuts(old);
        }
        if (now != null) {
            commands().installShortcuts(now);
        }
    };

    public DebugPanel(DebugContext context) {
        this.context = context;
        this.commands = new DebugCommands(context);
        setId("debug-panel");
        getStyleClass().add("debug-panel");
        getStylesheets().add(DebugStyles.sheet());

        callStack = new CallStackView(context);
        variables = new VariablesView(context);
        watches = new WatchesView(context);
        console = new ConsoleView(context);
        breakpoints = new BreakpointsView(context);
        breakpoints.setOnReveal(b -> context.reveal(b.file(), b.line()));

        status.setId("debug-status");
        status.getStyleClass().add("debug-status");
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String problem = commands.problemProperty().get();
            String text = StatusText.of(context.stateProperty().get(), context.pausedProperty().get(),
                    context.endProperty().get());
            return problem == null ? text : text + " " + problem;
        }, context.stateProperty(), context.pausedProperty(), context.endProperty(), commands.problemProperty()));
        context.stateProperty().addListener((obs, old, now) -> styleStatus(now));
        styleStatus(context.stateProperty().get());

        SplitPane stackAndBreakpoints = new SplitPane(section("Call stack", callStack),
                section("Breakpoints", breakpoints));
        stackAndBreakpoints.setOrientation(Orientation.VERTICAL);
        SplitPane variablesAndWatches = new SplitPane(section("Variables", variables), section("Watches", watches));
        variablesAndWatches.setOrientation(Orientation.VERTICAL);
        variablesAndWatches.setDividerPositions(0.55);
        SplitPane sections = new SplitPane(stackAndBreakpoints, variablesAndWatches, section("Console", console));
        sections.setDividerPositions(0.3, 0.62);
        sections.getStyleClass().add("debug-sections");
        VBox.setVgrow(sections, Priority.ALWAYS);

        column = new VBox(toolbar(), status, sections);
        fill(column);
        sceneProperty().addListener(sceneChange);
    }

    /** The run-control commands, for a menu of the main window. */
    public DebugCommands commands() {
        return commands;
    }

    public DebugContext context() {
        return context;
    }

    private ToolBar toolbar() {
        Button resume = button("debug-continue", "Continue", "Continue (F8)", commands::resume);
        Button over = button("debug-step-over", "Step over", "Step over (F10)", commands::stepOver);
        Button into = button("debug-step-into", "Step into", "Step into (F11)", commands::stepInto);
        Button out = button("debug-step-out", "Step out", "Step out (Shift+F11)", commands::stepOut);
        Button pause = button("debug-pause", "Pause", "Pause the running program", commands::pause);
        Button stop = button("debug-stop", "Stop", "End the debug session and stop the program", commands::stop);
        stop.getStyleClass().add("danger");
        for (Button b : List.of(resume, over, into, out)) {
            b.disableProperty().bind(commands.canStep().not());
        }
        pause.disableProperty().bind(commands.canPause().not());
        stop.disableProperty().bind(commands.canStop().not());

        ComboBox<ExceptionPause> exceptions = new ComboBox<>();
        exceptions.setId("debug-exceptions");
        exceptions.getItems().setAll(ExceptionPause.values());
        exceptions.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExceptionPause mode) {
                if (mode == null) {
                    return "";
                }
                return switch (mode) {
                    case NONE -> "Never";
                    case UNCAUGHT -> "Uncaught exceptions";
                    case ALL -> "All exceptions";
                };
            }

            @Override
            public ExceptionPause fromString(String text) {
                return null;
            }
        });
        exceptions.valueProperty().bindBidirectional(context.exceptionPauseProperty());
        exceptions.setTooltip(new Tooltip("When a thrown exception pauses the program"));
        Label exceptionsLabel = new Label("Pause on:");
        exceptionsLabel.getStyleClass().add("debug-muted");

        ToolBar bar = new ToolBar(resume, over, into, out, pause, stop, new Separator(Orientation.VERTICAL),
                exceptionsLabel, exceptions);
        bar.setId("debug-toolbar");
        bar.getStyleClass().add("debug-toolbar");
        return bar;
    }

    private static Button button(String id, String text, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static Node section(String title, Node content) {
        Label header = new Label(title);
        header.getStyleClass().add("debug-section-title");
        header.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(header, content);
        box.getStyleClass().add("debug-section");
        box.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setMinSize(0, 0);
        return box;
    }

    private void styleStatus(DebugState state) {
        status.getStyleClass().removeIf(c -> c.startsWith("debug-status-"));
        status.getStyleClass().add("debug-status-" + (state == null ? "none"
                : state.name().toLowerCase(java.util.Locale.ROOT)));
    }

    // ---- the parts, for tests

    CallStackView callStack() {
        return callStack;
    }

    VariablesView variables() {
        return variables;
    }

    WatchesView watches() {
        return watches;
    }

    ConsoleView console() {
        return console;
    }

    BreakpointsView breakpoints() {
        return breakpoints;
    }

    Label status() {
        return status;
    }

}
