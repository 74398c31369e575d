package dev.whiskstudio.app.explorer;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.explorer.ExplorerNode.ActionNode;
import dev.whiskstudio.app.explorer.ExplorerNode.GroupNode;
import dev.whiskstudio.app.explorer.ExplorerNode.InfoNode;
import dev.whiskstudio.app.explorer.ExplorerNode.NamespaceNode;
import dev.whiskstudio.app.explorer.ExplorerNode.PackageNode;
import dev.whiskstudio.app.explorer.ExplorerNode.RuleNode;
import dev.whiskstudio.app.explorer.ExplorerNode.TargetNode;
import dev.whiskstudio.app.explorer.ExplorerNode.TriggerNode;
import dev.whiskstudio.app.json.ClipboardText;
import dev.whiskstudio.app.json.ViewsStyleSheet;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tree of a target's entities. Each level is read from the target when first opened, by a task on the given
 * executor; the FX thread never waits. {@link #refresh()} (F5) reads everything again, keeping what was open and
 * selected. A failed read shows its reason above the tree with Retry; a running read shows progress and can be
 * cancelled. The context menu of a row has the commands for its kind of entity.
 *
 * <p>Nothing is read until the first {@link #refresh()}: call it once the target is up.
 */
public class EntityExplorer extends BorderPane {
    private final Supplier<Target> target;
    private final Executor executor;
    private final TargetClients clients;
    private ExplorerDialogs dialogs;
    private Consumer<String> clipboard = ClipboardText::put;
    private Consumer<ActionRef> onOpenAction = action -> { };
    private Consumer<ActionRef> onInvokeAction = action -> { };

    private final TreeView<ExplorerNode> tree = new TreeView<>();
    private final ExplorerItem root = new ExplorerItem(new TargetNode(""));
    private final List<Task<?>> running = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final Label progressText = new Label();
    private final Label statusText = new Label();
    private final Label problemText = new Label();
    private final Button retryButton = new Button("Retry");
    private final HBox problemBar;
    private Runnable retry;
    /** Keys of rows to open again, and of the row to select again, as their parents' children come back. */
    private final Set<String> keepExpanded = new HashSet<>();
    /** The target whose only namespace was opened for the user already; later loads leave it as the user left it. */
    private Target autoExpandedFor;
    private String keepSelected;

    /** With the FX dialogs and a client per target made by {@link dev.whiskstudio.app.client.OpenWhiskClient}. */
    public EntityExplorer(Supplier<Target> target, Executor executor) {
        this(target, executor, new TargetClients(), null);
    }

    /**
     * @param target   the target to show, read on the FX thread at each load (null: none chosen yet)
     * @param executor runs the REST calls
     * @param clients  the client of each target (shared with other views, or a new one)
     * @param dialogs  asks the user; null for {@link FxExplorerDialogs}
     */
    public EntityExplorer(Supplier<Target> target, Executor executor, TargetClients clients, ExplorerDialogs dialogs) {
        this.target = Objects.requireNonNull(target);
        this.executor = Objects.requireNonNull(executor);
        this.clients = Objects.requireNonNull(clients);
        this.dialogs = dialogs == null ? new FxExplorerDialogs(this) : dialogs;
        setId("entity-explorer");
        getStyleClass().add("entity-explorer");
        getStylesheets().add(ViewsStyleSheet.url());

        tree.setId("explorer-tree");
        tree.setShowRoot(false);
        tree.setRoot(root);
        root.setExpanded(true);
        tree.setCellFactory(view -> new ExplorerCell());
        ContextMenu menu = new ContextMenu();
        // filled for the selected row before the tree shows it (a context menu with no items is never shown)
        tree.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                e -> menu.getItems().setAll(new ExplorerMenus(this).itemsFor(selectedItem())));
        tree.setContextMenu(menu);
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && selectedNode().orElse(null) instanceof ActionNode a) {
                open(a);
            }
        });
        tree.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            ExplorerItem item = selectedItem();
            if (e.getCode() == KeyCode.DELETE && item != null) {
                e.consume();
                delete(item);
            } else if (e.getCode() == KeyCode.ENTER && item != null && item.getValue() instanceof ActionNode a) {
                e.consume();
                open(a);
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                e.consume();
                refresh();
            }
        });

        problemBar = problemBar();
        setTop(new VBox(toolbar(), problemBar));
        setCenter(tree);
        statusText.setId("explorer-status");
        statusText.getStyleClass().add("explorer-status");
        statusText.setMaxWidth(Double.MAX_VALUE);
        setBottom(statusText);
    }

    // ---- what the lead wires ----

    /** Called with an action to open its code (double-click, Enter, or Open in the menu). */
    public void setOnOpenAction(Consumer<ActionRef> onOpenAction) {
        this.onOpenAction = Objects.requireNonNull(onOpenAction);
    }

    /** Called with an action to invoke (Invoke in the menu). */
    public void setOnInvokeAction(Consumer<ActionRef> onInvokeAction) {
        this.onInvokeAction = Objects.requireNonNull(onInvokeAction);
    }

    public void setDialogs(ExplorerDialogs dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    /** Where "Copy web URL" puts the URL; the system clipboard unless replaced. */
    public void setClipboard(Consumer<String> clipboard) {
        this.clipboard = Objects.requireNonNull(clipboard);
    }

    public TreeView<ExplorerNode> tree() {
        return tree;
    }

    /** True while a read or a command is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Optional<ExplorerNode> selectedNode() {
        ExplorerItem item = selectedItem();
        return item == null ? Optional.empty() : Optional.of(item.getValue());
    }

    /** Reads the target again from the top, opening again what was open and selecting again what was selected. */
    public void refresh() {
        keepExpanded.clear();
        collectExpanded(root, keepExpanded);
        ExplorerItem selected = selectedItem();
        keepSelected = selected == null ? null : selected.getValue().key();
        cancelLoading();
        hideProblem();
        Target t = target.get();
        root.setValue(new TargetNode(t == null ? "" : t.name()));
        load(root);
    }

    /** Stops every read and command still running; a command already sent may still be carried out by the target. */
    public void cancelLoading() {
        for (Task<?> task : List.copyOf(running)) {
            task.cancel(true);
        }
    }

    // ---- loading ----

    private void load(ExplorerItem item) {
        Target t = target.get();
        ExplorerNode node = item.getValue();
        if (t == null) {
            unload(item);
            showProblem("No target is chosen.", null);
            return;
        }
        Task<?> previous = item.loading;
        item.loading = null;
        if (previous != null) {
            previous.cancel(true);
        }
        item.state = ExplorerItem.State.LOADING;
        item.getChildren().setAll(List.of(new ExplorerItem(new InfoNode(node.key() + "/loading", "Loading…", true))));
        Task<List<ExplorerNode>> task = new Task<>() {
            @Override
            protected List<ExplorerNode> call() throws Exception {
                return new EntityLoader(clients.clientFor(t)).children(node, this::isCancelled);
            }
        };
        item.loading = task;
        String what = describe(node, t);
        task.setOnSucceeded(e -> {
            if (item.loading == task && item.attachedTo(root)) {
                item.loading = null;
                fill(item, task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (item.loading == task && item.attachedTo(root)) {
                item.loading = null;
                unload(item);
                showProblem("Could not load " + what + ". " + ProblemText.of(task.getException(), t.apiHost()),
                        () -> reload(item));
            }
        });
        task.setOnCancelled(e -> {
            if (item.loading == task) {
                item.loading = null;
                unload(item);
                setStatus("Loading " + what + " was cancelled.");
            }
        });
        start(task, "Loading " + what + "…");
    }

    private void fill(ExplorerItem item, List<ExplorerNode> nodes) {
        List<ExplorerItem> children = new ArrayList<>();
        for (ExplorerNode node : nodes) {
            children.add(newItem(node));
        }
        if (children.isEmpty()) {
            children.add(new ExplorerItem(new InfoNode(item.getValue().key() + "/empty", emptyText(item.getValue()), false)));
        }
        item.getChildren().setAll(children);
        item.state = ExplorerItem.State.LOADED;
        Target t = target.get();
        if (item == root && children.size() == 1 && children.get(0).getValue() instanceof NamespaceNode
                && t != null && !t.equals(autoExpandedFor)) {
            // a key that opens one namespace: show what is in it at once
            autoExpandedFor = t;
            keepExpanded.add(children.get(0).getValue().key());
        }
        for (ExplorerItem child : children) {
            String key = child.getValue().key();
            if (keepExpanded.remove(key)) {
                child.setExpanded(true);
            }
            if (key.equals(keepSelected)) {
                keepSelected = null;
                tree.getSelectionModel().select(child);
            }
        }
    }

    private ExplorerItem newItem(ExplorerNode node) {
        ExplorerItem item = new ExplorerItem(node);
        item.expandedProperty().addListener((obs, was, expanded) -> {
            if (expanded && item.state == ExplorerItem.State.NOT_LOADED) {
                load(item);
            }
        });
        return item;
    }

    /** Forgets a row's children; it is read again when next opened. */
    private void unload(ExplorerItem item) {
        item.state = ExplorerItem.State.NOT_LOADED;
        item.getChildren().clear();
        if (item != root) {
            item.setExpanded(false);
        }
    }

    /** Reads one row's children again (after a command changed them), keeping what was open and selected below it. */
    void reload(ExplorerItem item) {
        collectExpanded(item, keepExpanded);
        ExplorerItem selected = selectedItem();
        if (keepSelected == null && selected != null && isUnder(selected, item) && selected != item) {
            keepSelected = selected.getValue().key();
        }
        hideProblem();
        if (item == root || item.isExpanded()) {
            load(item);
        } else {
            item.state = ExplorerItem.State.NOT_LOADED;
            item.setExpanded(true);
        }
    }

    private static void collectExpanded(TreeItem<ExplorerNode> item, Set<String> keys) {
        for (TreeItem<ExplorerNode> child : item.getChildren()) {
            if (child.isExpanded() && ((ExplorerItem) child).state == ExplorerItem.State.LOADED) {
                keys.add(child.getValue().key());
                collectExpanded(child, keys);
            }
        }
    }

    private static boolean isUnder(TreeItem<ExplorerNode> item, TreeItem<ExplorerNode> ancestor) {
        for (TreeItem<ExplorerNode> at = item; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    // ---- background work ----

    /** A command's work on the target, run off the FX thread. */
    interface Work<T> {
        T run(EntityCommands commands) throws Exception;
    }

    /** Runs a command on the target; {@code done} gets its answer on the FX thread, a failure shows above the tree. */
    <T> void command(String message, Work<T> work, Consumer<T> done) {
        Target t = target.get();
        if (t == null) {
            showProblem("No target is chosen.", null);
            return;
        }
        hideProblem();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run(new EntityCommands(clients.clientFor(t)));
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            showProblem(ProblemText.of(failure, t.apiHost()),
                    failure instanceof RefusedException ? null : () -> command(message, work, done));
        });
        task.setOnCancelled(e -> setStatus("Stopped waiting for: " + message
                + " The target may still carry it out; refresh (F5) to see."));
        start(task, message);
    }

    private void start(Task<?> task, String message) {
        running.add(task);
        // by state, not isDone(): the future behind a failed task completes only after the FX thread hears of it
        task.stateProperty().addListener((obs, was, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running.remove(task);
                updateBusy();
            }
        });
        progressText.setText(message);
        updateBusy();
        try {
            executor.execute(task);
        } catch (RuntimeException rejected) {
            running.remove(task);
            updateBusy();
            showProblem("The background work could not start: " + rejected.getMessage(), null);
        }
    }

    private void updateBusy() {
        busy.set(!running.isEmpty());
    }

    // ---- commands, called by the menus and keys ----

    ExplorerItem selectedItem() {
        TreeItem<ExplorerNode> item = tree.getSelectionModel().getSelectedItem();
        return item instanceof ExplorerItem e ? e : null;
    }

    void open(ActionNode action) {
        onOpenAction.accept(action.ref());
    }

    void invoke(ActionNode action) {
        onInvokeAction.accept(action.ref());
    }

    void copyWebUrl(ActionNode action) {
        Target t = target.get();
        if (t == null) {
            return;
        }
        String url = EntityCommands.webUrl(t.apiHost(), action.ref());
        clipboard.accept(url);
        setStatus("Copied " + url);
    }

    /** New action in a namespace (default package) or package. */
    void newAction(ExplorerItem where) {
        ExplorerNode node = where.getValue();
        String namespace = node instanceof PackageNode p ? p.namespace() : ((NamespaceNode) node).namespace();
        String pkg = node instanceof PackageNode p ? p.name() : null;
        dialogs.askName("New action", "Name", "", EntityNames::problem).ifPresent(name -> {
            ActionRef ref = new ActionRef(namespace, pkg, name);
            command("Creating action " + ref + "…", c -> {
                c.createAction(ref);
                return ref;
            }, created -> {
                setStatus("Created action " + created + " (" + EntityCommands.NEW_ACTION_KIND + ").");
                keepSelected = "action:" + created.qualifiedName();
                reload(where);
                onOpenAction.accept(created);
            });
        });
    }

    void newPackage(ExplorerItem namespaceItem) {
        String namespace = ((NamespaceNode) namespaceItem.getValue()).namespace();
        dialogs.askNewPackage(namespace).ifPresent(answer -> command("Creating package " + answer.name() + "…", c -> {
            c.createPackage(namespace, answer.name(), answer.shared());
            return answer.name();
        }, name -> {
            setStatus("Created package " + name + ".");
            keepSelected = new PackageNode(namespace, name, false, null).key();
            reload(namespaceItem);
        }));
    }

    void newTrigger(ExplorerItem where) {
        String namespace = namespaceOf(where.getValue());
        dialogs.askName("New trigger", "Name", "", EntityNames::problem).ifPresent(name ->
                command("Creating trigger " + name + "…", c -> {
                    c.createTrigger(namespace, name);
                    return name;
                }, created -> {
                    setStatus("Created trigger " + created + ".");
                    keepSelected = new TriggerNode(namespace, created, false).key();
                    reloadGroup(where, ExplorerNode.Group.TRIGGERS);
                }));
    }

    void newRule(ExplorerItem where) {
        String namespace = namespaceOf(where.getValue());
        List<String> triggers = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        collectNames(root, namespace, triggers, actions);
        dialogs.askNewRule(namespace, triggers, actions).ifPresent(rule ->
                command("Creating rule " + rule.name() + "…", c -> {
                    c.createRule(namespace, rule.name(), rule.trigger(), rule.action());
                    return rule.name();
                }, created -> {
                    setStatus("Created rule " + created + ".");
                    keepSelected = new RuleNode(namespace, created, true, "", "").key();
                    reloadGroup(where, ExplorerNode.Group.RULES);
                }));
    }

    void rename(ExplorerItem item) {
        ExplorerNode node = item.getValue();
        String current = node.label();
        ExplorerItem parent = (ExplorerItem) item.getParent();
        if (node instanceof ActionNode a && !a.viaBinding()) {
            askNewName("Rename action", current).ifPresent(name -> command("Renaming " + a.ref() + "…",
                    c -> c.renameAction(a.ref(), name), renamed -> {
                        setStatus("Renamed " + a.ref() + " to " + renamed + ".");
                        keepSelected = "action:" + renamed.qualifiedName();
                        reload(parent);
                    }));
        } else if (node instanceof RuleNode r) {
            askNewName("Rename rule", current).ifPresent(name -> command("Renaming rule " + current + "…", c -> {
                c.renameRule(r.namespace(), r.name(), name);
                return name;
            }, renamed -> {
                setStatus("Renamed rule " + current + " to " + renamed + ".");
                keepSelected = new RuleNode(r.namespace(), renamed, true, "", "").key();
                reload(parent);
            }));
        }
    }

    private Optional<String> askNewName(String title, String current) {
        return dialogs.askName(title, "New name", current, name -> EntityNames.problem(name)
                .or(() -> name.equals(current) ? Optional.of("Enter a different name.") : Optional.empty()));
    }

    /** Deletes the entity of a row after the user confirms. */
    void delete(ExplorerItem item) {
        ExplorerNode node = item.getValue();
        String what = deletable(node);
        if (what == null) {
            return;
        }
        if (!dialogs.confirm("Delete " + what, "Delete " + what + "? This cannot be undone.", "Delete")) {
            setStatus("Nothing was deleted.");
            return;
        }
        ExplorerItem parent = (ExplorerItem) item.getParent();
        command("Deleting " + what + "…", c -> {
            c.delete(node);
            return what;
        }, deleted -> {
            setStatus("Deleted " + deleted + ".");
            reload(parent);
        });
    }

    /** What a delete would remove, in words, or null when the row cannot be deleted here. */
    static String deletable(ExplorerNode node) {
        if (node instanceof ActionNode a) {
            return a.viaBinding() ? null : (a.isSequence() ? "sequence " : "action ") + a.ref().qualifiedName();
        }
        if (node instanceof PackageNode p) {
            return (p.isBinding() ? "binding /" : "package /") + p.namespace() + "/" + p.name();
        }
        if (node instanceof TriggerNode t) {
            return "trigger /" + t.namespace() + "/" + t.name();
        }
        if (node instanceof RuleNode r) {
            return "rule /" + r.namespace() + "/" + r.name();
        }
        return null;
    }

    void fire(TriggerNode trigger) {
        command("Firing trigger " + trigger.name() + "…", c -> c.fire(trigger.namespace(), trigger.name()),
                activation -> setStatus(activation.map(id -> "Fired " + trigger.name() + ": activation " + id + ".")
                        .orElse("Fired " + trigger.name() + ": no active rule took the event.")));
    }

    void setRuleActive(ExplorerItem item, boolean active) {
        RuleNode rule = (RuleNode) item.getValue();
        ExplorerItem parent = (ExplorerItem) item.getParent();
        command((active ? "Enabling" : "Disabling") + " rule " + rule.name() + "…", c -> {
            c.setRuleActive(rule.namespace(), rule.name(), active);
            return active;
        }, done -> {
            setStatus("Rule " + rule.name() + " is " + (done ? "active." : "inactive."));
            keepSelected = rule.key();
            reload(parent);
        });
    }

    /** Reads a namespace's triggers or rules again: the group under the row's namespace, or the namespace itself. */
    private void reloadGroup(ExplorerItem where, ExplorerNode.Group group) {
        ExplorerItem namespaceItem = where;
        while (namespaceItem != null && !(namespaceItem.getValue() instanceof NamespaceNode)) {
            namespaceItem = (ExplorerItem) namespaceItem.getParent();
        }
        if (namespaceItem == null) {
            return;
        }
        for (TreeItem<ExplorerNode> child : namespaceItem.getChildren()) {
            if (child.getValue() instanceof GroupNode g && g.group() == group) {
                reload((ExplorerItem) child);
                return;
            }
        }
        reload(namespaceItem);
    }

    private static String namespaceOf(ExplorerNode node) {
        if (node instanceof NamespaceNode n) {
            return n.namespace();
        }
        if (node instanceof GroupNode g) {
            return g.namespace();
        }
        throw new IllegalArgumentException("not a namespace or group: " + node);
    }

    /** The triggers and actions of a namespace already shown, to offer in the new-rule dialog. */
    private static void collectNames(TreeItem<ExplorerNode> item, String namespace, List<String> triggers,
                                     List<String> actions) {
        for (TreeItem<ExplorerNode> child : item.getChildren()) {
            ExplorerNode node = child.getValue();
            if (node instanceof TriggerNode t && t.namespace().equals(namespace)) {
                triggers.add(t.name());
            } else if (node instanceof ActionNode a && a.ref().namespace().equals(namespace)) {
                actions.add(a.ref().path());
            }
            collectNames(child, namespace, triggers, actions);
        }
    }

    // ---- the bars around the tree ----

    private HBox toolbar() {
        Button refresh = new Button(null, new IconGraphic(Icon.REFRESH, 14));
        refresh.setId("explorer-refresh");
        refresh.setTooltip(new Tooltip("Refresh (F5)"));
        refresh.setOnAction(e -> refresh());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("explorer-spinner");
        progressText.setId("explorer-progress-text");
        progressText.getStyleClass().add("explorer-progress-text");
        Button cancel = new Button("Cancel");
        cancel.setId("explorer-cancel");
        cancel.setOnAction(e -> cancelLoading());
        HBox progress = new HBox(spinner, progressText, cancel);
        progress.setId("explorer-progress");
        progress.getStyleClass().add("explorer-progress");
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label("Explorer");
        title.getStyleClass().add("explorer-title");
        HBox bar = new HBox(title, spacer, progress, refresh);
        bar.getStyleClass().add("explorer-toolbar");
        return bar;
    }

    private HBox problemBar() {
        problemText.setId("explorer-problem-text");
        problemText.getStyleClass().add("explorer-problem-text");
        problemText.setWrapText(true);
        problemText.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(problemText, Priority.ALWAYS);
        problemText.setMaxWidth(Double.MAX_VALUE);
        retryButton.setId("explorer-retry");
        retryButton.setOnAction(e -> {
            Runnable again = retry;
            hideProblem();
            if (again != null) {
                again.run();
            }
        });
        Button dismiss = new Button("Dismiss");
        dismiss.setId("explorer-dismiss");
        dismiss.setOnAction(e -> hideProblem());
        VBox buttons = new VBox(retryButton, dismiss);
        buttons.getStyleClass().add("explorer-problem-buttons");
        HBox bar = new HBox(new IconGraphic(Icon.STATUS_ERROR, 16), problemText, buttons);
        bar.setId("explorer-problem");
        bar.getStyleClass().add("explorer-problem");
        bar.setVisible(false);
        bar.setManaged(false);
        return bar;
    }

    /** One message at a time, replacing the last: failures never stack up as dialogs. */
    private void showProblem(String message, Runnable again) {
        problemText.setText(message);
        retry = again;
        retryButton.setVisible(again != null);
        retryButton.setManaged(again != null);
        problemBar.setVisible(true);
        problemBar.setManaged(true);
    }

    private void hideProblem() {
        retry = null;
        problemBar.setVisible(false);
        problemBar.setManaged(false);
    }

    private void setStatus(String message) {
        statusText.setText(message);
    }

    private static String describe(ExplorerNode node, Target t) {
        if (node instanceof TargetNode) {
            return "the namespaces of " + t.name();
        }
        if (node instanceof NamespaceNode n) {
            return "namespace " + n.namespace();
        }
        if (node instanceof PackageNode p) {
            return "package " + p.name();
        }
        if (node instanceof GroupNode g) {
            return "the " + g.group().title().toLowerCase() + " of " + g.namespace();
        }
        return node.label();
    }

    private static String emptyText(ExplorerNode node) {
        if (node instanceof TargetNode) {
            return "No namespaces";
        }
        if (node instanceof GroupNode g) {
            return "No " + g.group().title().toLowerCase();
        }
        if (node instanceof PackageNode) {
            return "No actions";
        }
        return "Empty";
    }
}
