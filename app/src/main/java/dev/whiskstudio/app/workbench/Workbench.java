package dev.whiskstudio.app.workbench;

import atlantafx.base.theme.Styles;
import dev.whiskstudio.app.AppConfig;
import dev.whiskstudio.app.StartupReport;
import dev.whiskstudio.app.ThemeChoice;
import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.editor.tabs.EditorDocument;
import dev.whiskstudio.app.editor.tabs.EditorSettings;
import dev.whiskstudio.app.editor.tabs.EditorTabs;
import dev.whiskstudio.app.editor.recovery.RecoveryStore;
import dev.whiskstudio.app.activations.live.ActivationsPanel;
import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.explorer.EntityExplorer;
import dev.whiskstudio.app.explorer.TargetClients;
import dev.whiskstudio.app.invoke.InputHistory;
import dev.whiskstudio.app.invoke.InvokePanel;
import dev.whiskstudio.app.invoke.CodeParamsEditor;
import dev.whiskstudio.app.project.ProjectSession;
import dev.whiskstudio.app.project.ProjectView;
import dev.whiskstudio.app.simulator.SimulatorState;
import dev.whiskstudio.app.simulator.StartedSimulator;
import dev.whiskstudio.app.status.StatusModel;
import dev.whiskstudio.app.status.StatusView;
import dev.whiskstudio.app.ui.Failures;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.app.workspace.env.UserEnvironment;
import dev.whiskstudio.app.workspace.targets.TargetCatalog;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.UserTargets;
import dev.whiskstudio.icons.Icon;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The main window's content: toolbar with the target picker, the project and the target's explorer on the left,
 * the editor tabs in the middle (the simulator's status when no file is open), the invoke panel on the right, and
 * the status bar. It is the composition root of the views: it owns the background threads and the clients, and
 * routes one view's request to another (open this file, invoke that action).
 */
public final class Workbench extends BorderPane {
    private final AppConfig config;
    private final StatusModel status;
    /** Background work of the views: loading, requests, file I/O. Daemon threads: they never keep the app alive. */
    private final ExecutorService io = Executors.newCachedThreadPool(daemonThreads("workbench-io"));
    private final TargetClients clients = new TargetClients();
    private final TargetsModel targets;
    private final ProjectSession project;
    private final BackgroundWork work;
    private final EditorTabs editors;
    private final EntityExplorer explorer;
    private final InvokePanel invokePanel;
    private final ProjectView projectView;
    private final ActivationsPanel activations;
    private final DebugController debugger;
    private final DeployLauncher deployer;
    private SplitPane verticalSplit;
    private final CommandTable commands = new CommandTable();
    private final ReadOnlyIntegerWrapper runningActivations = new ReadOnlyIntegerWrapper();
    private final Timeline runningPoll;
    private final StringProperty message = new SimpleStringProperty("");
    private final RemoteCode remoteCode;
    private final CodeParamsEditor paramsEditor = new CodeParamsEditor();
    private ThemeChoice theme;
    private AppSettings settings;
    private final Path configDir;

    public Workbench(AppConfig config, StatusModel status) {
        this(config, status, AppSettings.defaults());
    }

    /** @param settings what the last run remembered; changes are written back to the user's config folder */
    public Workbench(AppConfig config, StatusModel status, AppSettings settings) {
        this.config = config;
        this.status = status;
        this.settings = settings;
        this.theme = config.theme();
        setId("workbench");
        getStyleClass().add("workbench");
        UserEnvironment user = new UserEnvironment(config.userHome(), System.getenv());
        configDir = user.configDir();
        targets = new TargetsModel(new TargetCatalog(user, UserTargets.in(user)), io);
        project = new ProjectSession(io);
        remoteCode = new RemoteCode(user.configDir().resolve("remote"));
        work = new BackgroundWork(io);

        editors = new EditorTabs(EditorSettings.defaults()
                .withRecovery(new RecoveryStore(user.configDir().resolve("recovery"))));
        editors.setId("editor-tabs");
        explorer = new EntityExplorer(targets.supplier(), io, clients, null);
        invokePanel = new InvokePanel(targets.supplier(), io, clients,
                new InputHistory(user.configDir().resolve("inputs.json"), io), paramsEditor);
        activations = new ActivationsPanel(io, clients, configDir);
        projectView = new ProjectView(project, this::chooseFolder, this::syncProject,
                Bindings.createBooleanBinding(() -> status.stateProperty().get() == SimulatorState.RUNNING
                        && !work.busyProperty().get(), status.stateProperty(), work.busyProperty()));

        debugger = new DebugController(io, targets, clients, project, editors, invokePanel, remoteCode,
                this::startSync, message::set);
        deployer = new DeployLauncher(io, targets, project, editors, invokePanel, message::set,
                () -> getScene().getWindow());
        Runnable selectDebugTab = activations.addTab(debugger.tab());
        debugger.setOnShow(() -> {
            showActivations(true);
            selectDebugTab.run();
        });

        wireViews();
        defineCommands();
        activations.activeProperty().set(true);

        setTop(new VBox(commands.menuBar(), toolbar(), nodeBanner(), messageBar()));
        setCenter(mainArea());
        setBottom(new StatusBar(targetText(), status.stateProperty(), runningActivations.getReadOnlyProperty(),
                caretText(), work));

        runningPoll = new Timeline(new KeyFrame(Duration.millis(500), e -> countRunning()));
        runningPoll.setCycleCount(Timeline.INDEFINITE);
        runningPoll.play();
        status.stateProperty().addListener((obs, old, state) -> simulatorStateChanged(state));
        simulatorStateChanged(status.stateProperty().get());
    }

    // ---------------------------------------------------------------- layout

    private Node mainArea() {
        SplitPane left = new SplitPane(projectView, explorer);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.42);
        left.setId("left-pane");

        StatusView welcome = new StatusView(status);
        welcome.setId("welcome");
        StackPane center = new StackPane(welcome, editors);
        center.setId("center-pane");
        BooleanBinding noTabs = Bindings.isEmpty(editors.getTabs());
        welcome.visibleProperty().bind(noTabs);
        editors.visibleProperty().bind(noTabs.not());

        SplitPane work = new SplitPane(center, invokePanel);
        work.setId("work-split");
        work.setDividerPositions(0.58);
        invokePanel.setMinWidth(360);
        SplitPane.setResizableWithParent(invokePanel, false);
        // the activations below the editor and the invoke panel, as a console sits below an IDE's editors; the
        // project and the explorer keep the window's whole height
        verticalSplit = new SplitPane(work, activations);
        verticalSplit.setId("vertical-split");
        verticalSplit.setOrientation(Orientation.VERTICAL);
        verticalSplit.setDividerPositions(0.62);
        activations.setMinHeight(160);
        SplitPane.setResizableWithParent(activations, false);

        SplitPane main = new SplitPane(left, verticalSplit);
        main.setId("main-split");
        main.setDividerPositions(0.23);
        // the side panes keep a usable width whatever size the window first had; the editor takes the rest
        left.setMinWidth(280);
        SplitPane.setResizableWithParent(left, false);
        return main;
    }

    private ToolBar toolbar() {
        Button open = toolButton("tool-open", Icon.FOLDER, "Open Folder… (Ctrl+O)", Command.OPEN_FOLDER);
        Button save = toolButton("tool-save", Icon.SAVE, "Save (Ctrl+S)", Command.SAVE);
        Button sync = new Button("Sync", new IconGraphic(Icon.DEPLOY, 14));
        sync.setId("tool-sync");
        sync.setTooltip(new Tooltip("Sync the project to the simulator (Ctrl+Shift+U)"));
        sync.setOnAction(e -> commands.run(Command.SYNC_PROJECT));
        sync.disableProperty().bind(commands.item(Command.SYNC_PROJECT).disableProperty());
        Button invoke = new Button("Invoke", new IconGraphic(Icon.PLAY, 14));
        invoke.setId("tool-invoke");
        invoke.getStyleClass().add("tool-invoke");
        invoke.setTooltip(new Tooltip("Invoke the action in the invoke panel (Ctrl+Enter)"));
        invoke.setOnAction(e -> commands.run(Command.INVOKE));
        invoke.disableProperty().bind(commands.item(Command.INVOKE).disableProperty());
        Button debug = new Button("Debug", new IconGraphic(Icon.DEBUG, 14));
        debug.setId("tool-debug");
        debug.setTooltip(new Tooltip("Debug the action in the invoke panel: stop at the breakpoints (Shift+F9)"));
        debug.setOnAction(e -> commands.run(Command.DEBUG));
        debug.disableProperty().bind(commands.item(Command.DEBUG).disableProperty());
        Button deploy = new Button("Deploy…", new IconGraphic(Icon.CLUSTER, 14));
        deploy.setId("tool-deploy");
        deploy.setTooltip(new Tooltip("Deploy the project to a cluster, with a preview first (Ctrl+Shift+Y)"));
        deploy.setOnAction(e -> commands.run(Command.DEPLOY_PROJECT));
        deploy.disableProperty().bind(commands.item(Command.DEPLOY_PROJECT).disableProperty());
        Button refresh = toolButton("tool-refresh", Icon.REFRESH, "Refresh the explorer (F5)", Command.REFRESH);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, save, new Separator(Orientation.VERTICAL),
                new TargetChooser(targets, this::addCluster), refresh, new Separator(Orientation.VERTICAL), sync,
                invoke, debug, new Separator(Orientation.VERTICAL), deploy, grow);
        bar.setId("toolbar");
        return bar;
    }

    private Button toolButton(String id, Icon icon, String tip, Command command) {
        Button b = new Button(null, new IconGraphic(icon, 16));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> commands.run(command));
        b.disableProperty().bind(commands.item(command).disableProperty());
        return b;
    }

    /** Says so when Node.js is missing: actions cannot run without it. */
    private Node nodeBanner() {
        Label text = new Label();
        text.setId("node-missing");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            var check = status.nodeProperty().get();
            if (check instanceof dev.whiskstudio.app.node.NodeCheck.Missing missing) {
                return "Node.js was not found, so actions cannot run: install Node.js 18 or newer and make sure "
                        + "'node' is on the PATH, then restart Whisk Studio. (" + missing.reason() + ")";
            }
            if (check instanceof dev.whiskstudio.app.node.NodeCheck.Found found && !found.supported()) {
                return "Node.js " + found.version() + " is too old to run actions: install Node.js 18 or newer.";
            }
            return "";
        }, status.nodeProperty()));
        HBox banner = new HBox(8, new IconGraphic(Icon.STATUS_WARNING, 16), text);
        banner.getStyleClass().addAll("workbench-banner", "banner-warning");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(text.textProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** One line for what just happened and needs no dialog (a failed save, a refused command), with a close. */
    private Node messageBar() {
        Label text = new Label();
        text.setId("workbench-message");
        text.setWrapText(true);
        text.textProperty().bind(message);
        Button close = new Button("×");
        close.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> message.set(""));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, new IconGraphic(Icon.STATUS_ERROR, 16), text, grow, close);
        bar.getStyleClass().addAll("workbench-banner", "banner-danger");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(message.isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    // ---------------------------------------------------------------- wiring

    private void wireViews() {
        explorer.setOnInvokeAction(this::invoke);
        explorer.setOnOpenAction(this::openAction);
        projectView.setOnOpenFile(this::openFile);
        // the invoke panel follows the action selected in either tree, as a run configuration follows the selection
        projectView.tree().getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue().action() != null) {
                invokePanel.setAction(item.getValue().action());
            }
        });
        explorer.tree().getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() instanceof dev.whiskstudio.app.explorer.ExplorerNode.ActionNode a) {
                invokePanel.setAction(a.ref());
            }
        });
        projectView.setOnInvoke(a -> {
            targets.selectSimulator();
            invoke(a);
        });
        invokePanel.setOnOpenActivation(id -> {
            showActivations(true);
            activations.show(id);
        });
        activations.setOnOpenAction(this::openAction);
        activations.setOnDebugWithInput(debugger::debug);
        invokePanel.setOnDebug(() -> commands.run(Command.DEBUG));
        explorer.busyProperty().addListener((obs, was, busy) -> {
            if (!busy && targets.current() != null) {
                StartupReport.mark("workspace-ready");
            }
        });
        targets.selectedProperty().addListener((obs, old, entry) -> {
            if (entry != null && (old == null || !old.id().equals(entry.id()))) {
                explorer.refresh();
                activations.setTarget(entry.target(), entry.namespaceOrDefault());
            } else if (entry == null) {
                activations.setTarget(null, null);
            }
        });
        project.folderProperty().addListener((obs, old, folder) -> targets.projectOpened(folder));
        // whoever started it (Sync, Debug), the explorer shows what a sync changed, cancelled half-way or not
        project.lastSyncProperty().addListener((obs, old, result) -> {
            if (result != null) {
                explorer.refresh();
            }
        });
        project.projectProperty().addListener((obs, old, loaded) -> {
            if (loaded != null && !loaded.folder().equals(settings.lastProject())) {
                remember(settings.withLastProject(loaded.folder()));
            }
        });
    }

    private void defineCommands() {
        BooleanBinding noDocument = editors.currentDocumentProperty().isNull();
        BooleanBinding invokeUnavailable = Bindings.createBooleanBinding(() -> invokePanel.actionProperty().get() == null
                        || invokePanel.runningProperty().get() || debugger.startingProperty().get(),
                invokePanel.actionProperty(), invokePanel.runningProperty(), debugger.startingProperty());
        commands.on(Command.OPEN_FOLDER, this::chooseFolder)
                .on(Command.SAVE, () -> report(editors.save()))
                .disabledWhen(Command.SAVE, noDocument)
                .on(Command.SAVE_ALL, () -> report(editors.saveAll()))
                .on(Command.CLOSE_TAB, () -> editors.currentDocument().ifPresent(editors::close))
                .disabledWhen(Command.CLOSE_TAB, noDocument)
                .on(Command.QUIT, () -> getScene().getWindow().fireEvent(new javafx.stage.WindowEvent(
                        getScene().getWindow(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)))
                .on(Command.UNDO, () -> editors.currentEditor().ifPresent(e -> e.undo()))
                .disabledWhen(Command.UNDO, noDocument)
                .on(Command.REDO, () -> editors.currentEditor().ifPresent(e -> e.redo()))
                .disabledWhen(Command.REDO, noDocument)
                .on(Command.FIND, editors::showFind)
                .disabledWhen(Command.FIND, noDocument)
                .on(Command.REPLACE, editors::showReplace)
                .disabledWhen(Command.REPLACE, noDocument)
                .on(Command.GO_TO_LINE, editors::showGoToLine)
                .disabledWhen(Command.GO_TO_LINE, noDocument)
                .on(Command.INVOKE, invokePanel::run)
                .disabledWhen(Command.INVOKE, invokeUnavailable)
                .on(Command.DEBUG, debugger::debugInvokePanel)
                .disabledWhen(Command.DEBUG, invokeUnavailable.or(status.stateProperty().isNotEqualTo(SimulatorState.RUNNING)))
                .on(Command.CONTINUE, debugger.panel().commands()::resume)
                .disabledWhen(Command.CONTINUE, debugger.panel().commands().canStep().not())
                .on(Command.STEP_OVER, debugger.panel().commands()::stepOver)
                .disabledWhen(Command.STEP_OVER, debugger.panel().commands().canStep().not())
                .on(Command.STEP_INTO, debugger.panel().commands()::stepInto)
                .disabledWhen(Command.STEP_INTO, debugger.panel().commands().canStep().not())
                .on(Command.STEP_OUT, debugger.panel().commands()::stepOut)
                .disabledWhen(Command.STEP_OUT, debugger.panel().commands().canStep().not())
                .on(Command.PAUSE, debugger.panel().commands()::pause)
                .disabledWhen(Command.PAUSE, debugger.panel().commands().canPause().not())
                .on(Command.STOP_DEBUG, debugger::stop)
                .disabledWhen(Command.STOP_DEBUG, debugger.panel().commands().canStop().not()
                        .and(debugger.startingProperty().not()))
                .on(Command.DEPLOY_PROJECT, deployer::deployProject)
                .disabledWhen(Command.DEPLOY_PROJECT, project.projectProperty().isNull())
                .on(Command.DEPLOY_PACKAGE, deployer::deployPackage)
                .disabledWhen(Command.DEPLOY_PACKAGE, deployer.noCurrentAction())
                .on(Command.DEPLOY_ACTION, deployer::deployAction)
                .disabledWhen(Command.DEPLOY_ACTION, deployer.noCurrentAction())
                .on(Command.SYNC_PROJECT, this::syncProject)
                .disabledWhen(Command.SYNC_PROJECT, Bindings.createBooleanBinding(() -> project.projectProperty().get() == null
                                || status.stateProperty().get() != SimulatorState.RUNNING || work.busyProperty().get(),
                        project.projectProperty(), status.stateProperty(), work.busyProperty()))
                .on(Command.CANCEL_WORK, work::cancel)
                .disabledWhen(Command.CANCEL_WORK, work.busyProperty().not())
                .on(Command.REFRESH, explorer::refresh)
                .on(Command.FOCUS_EXPLORER, () -> explorer.tree().requestFocus())
                .on(Command.FOCUS_EDITOR, () -> editors.currentEditor().ifPresent(e -> e.area().requestFocus()))
                .on(Command.FOCUS_INVOKE, () -> paramsEditor.editor(true))
                .on(Command.TOGGLE_ACTIVATIONS, () -> showActivations(!activations.activeProperty().get()))
                .on(Command.SHOW_SIMULATOR, this::showSimulator)
                .on(Command.TOGGLE_THEME, this::toggleTheme)
                .on(Command.ADD_TARGET, this::addCluster)
                .on(Command.SHORTCUTS, () -> new ShortcutsDialog(getScene().getWindow()).show());
        ((CheckMenuItem) commands.item(Command.TOGGLE_THEME)).setSelected(theme == ThemeChoice.DARK);
        ((CheckMenuItem) commands.item(Command.TOGGLE_ACTIVATIONS)).setSelected(true);
    }

    /** Shows or hides the activations panel; hidden, it polls and streams nothing. */
    private void showActivations(boolean shown) {
        boolean showing = verticalSplit.getItems().contains(activations);
        if (shown && !showing) {
            verticalSplit.getItems().add(activations);
            verticalSplit.setDividerPositions(0.62);
        } else if (!shown && showing) {
            verticalSplit.getItems().remove(activations);
        }
        activations.activeProperty().set(shown);
        ((CheckMenuItem) commands.item(Command.TOGGLE_ACTIVATIONS)).setSelected(shown);
    }

    /** Offers the unsaved edits a crashed run left behind (after the window is shown). */
    public void offerRecoveredEdits() {
        RecoveryOffer.offer(editors, getScene().getWindow(), io, message::set);
    }

    /** Opens a file in the editor at a line (0: where it was). */
    public void openFile(Path file, int line) {
        CompletableFuture<EditorDocument> opened = line > 0 ? editors.openAt(file, line) : editors.open(file);
        opened.whenComplete((doc, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message.set("Could not open " + file + ": " + rootMessage(failure));
            }
        }));
    }

    /**
     * Opens an action's code: the project's own file when the open project has that action and the simulator is the
     * target, else a copy of the target's code.
     */
    private void openAction(ActionRef action) {
        var loaded = project.projectProperty().get();
        if (loaded != null && targets.isSimulatorSelected()) {
            var own = loaded.findAction(action.path());
            if (own.isPresent() && own.get().sourceFile() != null) {
                openFile(own.get().sourceFile(), 0);
                return;
            }
        }
        Target target = targets.current();
        if (target == null) {
            return;
        }
        io.execute(() -> {
            try {
                Path file = remoteCode.fetch(clients.clientFor(target), target.apiHost(), action);
                Platform.runLater(() -> openFile(file, 0));
            } catch (Exception e) {
                Platform.runLater(() -> message.set("Could not open " + action.qualifiedName() + ": " + rootMessage(e)));
            }
        });
    }

    private void invoke(ActionRef action) {
        invokePanel.setAction(action);
        paramsEditor.editor(true);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a project folder");
        Path current = project.folderProperty().get();
        if (current != null && current.getParent() != null) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File chosen = chooser.showDialog(getScene().getWindow());
        if (chosen != null) {
            openProject(chosen.toPath());
        }
    }

    /** Opens a project folder (the menu's Open Folder, or a folder given at start). */
    public void openProject(Path folder) {
        project.open(folder);
    }

    /** Saves the open files first (what is synced is what is on disk), then syncs the project to the simulator. */
    private void syncProject() {
        TargetEntry simulator = targets.simulatorEntry();
        if (simulator == null || project.projectProperty().get() == null) {
            return;
        }
        editors.saveAll().whenComplete((ok, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message.set("Not synced: a file could not be saved: " + rootMessage(failure));
                return;
            }
            startSync(simulator).whenComplete((result, syncFailure) -> {
                if (syncFailure != null) {
                    Platform.runLater(() -> message.set("The sync failed: " + rootMessage(syncFailure)));
                }
            });
        }));
    }

    /**
     * Runs the project's sync to the simulator as the window's background work (progress and Cancel in the status
     * bar); completes with its result, or fails when other work is running or the sync itself failed. The explorer
     * follows every sync (see {@link #wireViews}).
     */
    private CompletableFuture<dev.whiskstudio.app.workspace.sync.SyncResult> startSync(TargetEntry simulator) {
        CompletableFuture<dev.whiskstudio.app.workspace.sync.SyncResult> done = new CompletableFuture<>();
        var task = project.syncTask(simulator);
        task.setOnSucceeded(e -> done.complete(task.getValue()));
        task.setOnCancelled(e -> done.completeExceptionally(new java.io.IOException("the sync was cancelled.")));
        task.setOnFailed(e -> done.completeExceptionally(task.getException()));
        if (!work.start(task)) {
            done.completeExceptionally(new java.io.IOException(
                    "other work is still running: wait for it or cancel it first."));
        }
        return done;
    }

    private void addCluster() {
        new AddTargetDialog(getScene().getWindow(), targets.catalog().userTargets(), io, entry -> {
            targets.reload();
            targets.selectedProperty().set(entry);
        }).show();
    }

    /** The simulator's status cards in a window of their own (the same cards the empty editor area shows). */
    private void showSimulator() {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(getScene().getWindow());
        stage.setTitle("Simulator — Whisk Studio");
        javafx.scene.Scene scene = new javafx.scene.Scene(new StatusView(status), 760, 560);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }

    private void toggleTheme() {
        theme = theme == ThemeChoice.DARK ? ThemeChoice.LIGHT : ThemeChoice.DARK;
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        ((CheckMenuItem) commands.item(Command.TOGGLE_THEME)).setSelected(theme == ThemeChoice.DARK);
        remember(settings.withTheme(theme));
    }

    /** Keeps a changed setting for the next run, written off the FX thread; a failure to write is only a message. */
    private void remember(AppSettings next) {
        settings = next;
        io.execute(() -> {
            try {
                next.save(configDir);
            } catch (java.io.IOException e) {
                Platform.runLater(() -> message.set("Could not save the settings in " + configDir + ": " + e.getMessage()));
            }
        });
    }

    private void simulatorStateChanged(SimulatorState state) {
        StartedSimulator started = status.started();
        if (state == SimulatorState.RUNNING && started != null) {
            Target target = started.target();
            targets.simulatorStarted(target);
            StartupReport.mark("simulator-running");
        }
    }

    /** The simulator's activations in flight, else (a cluster) whether the invoke panel waits for one. */
    private void countRunning() {
        StartedSimulator started = status.started();
        int n = targets.isSimulatorSelected() && started != null ? started.simulator().inFlightTotal()
                : invokePanel.runningProperty().get() ? 1 : 0;
        runningActivations.set(n);
    }

    private javafx.beans.binding.StringBinding targetText() {
        return Bindings.createStringBinding(() -> {
            TargetEntry entry = targets.selectedProperty().get();
            return entry == null ? "No target" : entry.name() + " · " + entry.apiHost();
        }, targets.selectedProperty());
    }

    private javafx.beans.binding.StringBinding caretText() {
        return Bindings.createStringBinding(() -> {
            var caret = editors.caretPositionProperty().get();
            return caret == null || editors.currentDocumentProperty().get() == null ? ""
                    : "Ln " + caret.line() + ", Col " + caret.column();
        }, editors.caretPositionProperty(), editors.currentDocumentProperty());
    }

    private void report(CompletableFuture<?> saving) {
        saving.whenComplete((ok, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message.set("Not saved: " + rootMessage(failure));
            }
        }));
    }

    private static String rootMessage(Throwable failure) {
        return Failures.messageOf(Failures.unwrap(failure));
    }

    // ---------------------------------------------------------------- for the app and tests

    public EditorTabs editors() {
        return editors;
    }

    public EntityExplorer explorer() {
        return explorer;
    }

    public InvokePanel invokePanel() {
        return invokePanel;
    }

    public ProjectSession project() {
        return project;
    }

    public ActivationsPanel activations() {
        return activations;
    }

    public TargetsModel targets() {
        return targets;
    }

    public BackgroundWork work() {
        return work;
    }

    public CommandTable commands() {
        return commands;
    }

    /** The debugger's panel (its context holds the breakpoints and the session shown). */
    public dev.whiskstudio.app.debug.ui.DebugPanel debugPanel() {
        return debugger.panel();
    }

    /** Closes every tab (asking about unsaved edits); completes with false when the user chose to stay. */
    public CompletableFuture<Boolean> closeAll() {
        return editors.closeAll();
    }

    /** Stops the views' background work and lets go of the clients. */
    public void dispose() {
        runningPoll.stop();
        debugger.dispose();
        work.cancel();
        activations.dispose();
        editors.dispose();
        clients.close();
        io.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
