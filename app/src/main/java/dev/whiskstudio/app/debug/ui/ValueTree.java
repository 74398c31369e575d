package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.DebugSession;
import dev.whiskstudio.app.debug.EvalResult;
import dev.whiskstudio.app.debug.FrameScope;
import dev.whiskstudio.app.debug.RemoteValue;
import dev.whiskstudio.app.debug.Variable;
import javafx.scene.control.TreeItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Makes the tree items of a paused program's values, each loading its children (a scope's variables, an object's
 * properties) the first time it is expanded, and remembering which paths the user opened or closed, so that after a
 * step the same variables show open again. One per session.
 */
final class ValueTree {
    private final DebugSession session;
    /** Path (names from the scope down, joined by '/') to whether the user left it open. */
    private final Map<String, Boolean> openPaths = new HashMap<>();

    ValueTree(DebugSession session) {
        this.session = session;
    }

    /** A scope of a frame; the innermost scopes open by default. */
    TreeItem<ValueRow> scope(FrameScope scope) {
        String path = scope.title();
        return new LazyItem(ValueRow.scope(scope.title()), path, () -> session.variables(scope),
                openPaths.getOrDefault(path, scope.openByDefault()));
    }

    /** A value with a name of our own (a watch's expression): expandable when it is an object. */
    TreeItem<ValueRow> value(String path, ValueRow row, RemoteValue value) {
        return new LazyItem(row, path, loaderOf(value), openPaths.getOrDefault(path, false));
    }

    TreeItem<ValueRow> variable(String parentPath, Variable variable) {
        String path = parentPath + "/" + variable.name();
        if (variable.kind() == Variable.Kind.ACCESSOR) {
            return new LazyItem(ValueRow.accessor(variable.name()), path, null, false).withGetter(variable);
        }
        ValueRow row = ValueRow.variable(variable.name(), variable.value(),
                variable.kind() == Variable.Kind.INTERNAL);
        return new LazyItem(row, path, loaderOf(variable.value()), openPaths.getOrDefault(path, false));
    }

    private Supplier<CompletableFuture<List<Variable>>> loaderOf(RemoteValue value) {
        return value != null && value.isExpandable() ? () -> session.properties(value) : null;
    }

    /** An item whose children are read when it is first expanded; a getter's value is read when asked. */
    final class LazyItem extends TreeItem<ValueRow> {
        private final String path;
        private Supplier<CompletableFuture<List<Variable>>> loader;
        private Variable getter;
        private boolean loadStarted;

        LazyItem(ValueRow row, String path, Supplier<CompletableFuture<List<Variable>>> loader, boolean open) {
            super(row);
            this.path = path;
            setLoader(loader);
            expandedProperty().addListener((obs, was, now) -> {
                if (this.loader != null) {
                    openPaths.put(this.path, now);
                }
                if (now) {
                    load();
                }
            });
            if (open && loader != null) {
                setExpanded(true);
            }
        }

        private LazyItem withGetter(Variable accessor) {
            this.getter = accessor;
            return this;
        }

        private void setLoader(Supplier<CompletableFuture<List<Variable>>> loader) {
            this.loader = loader;
            loadStarted = false;
            if (loader != null) {
                // a placeholder child gives the item its disclosure arrow before anything is read
                getChildren().setAll(List.of(new TreeItem<>(ValueRow.message("Loading…"))));
            } else {
                getChildren().clear();
            }
        }

        boolean isUnreadGetter() {
            return getter != null;
        }

        /** Calls the getter (on the user's request): its value, or what it threw, becomes the row's value. */
        void readGetter() {
            Variable accessor = getter;
            if (accessor == null) {
                return;
            }
            getter = null;
            setValue(ValueRow.message("Reading " + accessor.name() + "…"));
            FxFutures.whenDone(session.invokeGetter(accessor), (EvalResult result, Throwable error) -> {
                if (error != null) {
                    getter = accessor;
                    setValue(ValueRow.error(accessor.name(), FxFutures.message(error)));
                } else if (result.thrown()) {
                    setValue(ValueRow.error(accessor.name(), result.error()));
                } else {
                    setValue(ValueRow.variable(accessor.name(), result.value(), false));
                    setLoader(loaderOf(result.value()));
                }
            });
        }

        private void load() {
            if (loader == null || loadStarted) {
                return;
            }
            loadStarted = true;
            FxFutures.whenDone(loader.get(), (variables, error) -> {
                if (error != null) {
                    loadStarted = false;
                    getChildren().setAll(List.of(new TreeItem<>(ValueRow.error("", FxFutures.message(error)))));
                    return;
                }
                if (variables.isEmpty()) {
                    getChildren().setAll(List.of(new TreeItem<>(ValueRow.message("(no properties)"))));
                    return;
                }
                getChildren().setAll(variables.stream().map(v -> variable(path, v)).toList());
            });
        }
    }
}
