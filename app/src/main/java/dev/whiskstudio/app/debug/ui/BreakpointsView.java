package dev.whiskstudio.app.debug.ui;

import dev.whiskstudio.app.debug.BreakpointStatus;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.function.Consumer;

/**
 * Every breakpoint of the user: file and line, its condition or log message, whether the session has it resolved in
 * the running code, a box to enable or disable it and a button to remove it; the menu edits the condition or log
 * message. Double-click opens its line through the given reveal callback.
 */
final class BreakpointsView extends BorderPane {
    private final DebugContext context;
    private final BreakpointRegistry registry;
    private final ListView<UserBreakpoint> list = new ListView<>();
    private Consumer<UserBreakpoint> onReveal = b -> { };

    BreakpointsView(DebugContext context) {
        this.context = context;
        this.registry = context.breakpoints();
        getStyleClass().add("debug-breakpoints-pane");
        list.setId("debug-breakpoints");
        list.getStyleClass().add("debug-breakpoints");
        list.setItems(registry.all());
        list.setPlaceholder(new Label("No breakpoints: click beside a line number in the editor to set one."));
        list.setCellFactory(view -> new BreakpointCell());

        MenuItem condition = new MenuItem("Edit condition…");
        condition.setId("debug-breakpoint-condition");
        condition.setOnAction(e -> selected(b -> edit(b, BreakpointEditBar.Mode.CONDITION)));
        MenuItem log = new MenuItem("Edit log message…");
        log.setId("debug-breakpoint-log");
        log.setOnAction(e -> selected(b -> edit(b, BreakpointEditBar.Mode.LOG_MESSAGE)));
        MenuItem remove = new MenuItem("Remove breakpoint");
        remove.setOnAction(e -> selected(b -> registry.remove(b.file(), b.line())));
        MenuItem removeAll = new MenuItem("Remove all breakpoints");
        removeAll.setId("debug-breakpoints-remove-all");
        removeAll.setOnAction(e -> registry.removeAll());
        list.setContextMenu(new ContextMenu(condition, log, remove, removeAll));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                selected(b -> registry.remove(b.file(), b.line()));
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                selected(b -> onReveal.accept(b));
            }
        });
        setCenter(list);
    }

    void setOnReveal(Consumer<UserBreakpoint> reveal) {
        this.onReveal = reveal == null ? b -> { } : reveal;
    }

    private void selected(Consumer<UserBreakpoint> action) {
        UserBreakpoint b = list.getSelectionModel().getSelectedItem();
        if (b != null) {
            action.accept(b);
        }
    }

    void edit(UserBreakpoint b, BreakpointEditBar.Mode mode) {
        BreakpointEditBar bar = new BreakpointEditBar(b.file(), b.line(), mode,
                mode == BreakpointEditBar.Mode.CONDITION ? b.condition() : b.logMessage(),
                text -> {
                    if (mode == BreakpointEditBar.Mode.CONDITION) {
                        registry.setCondition(b.file(), b.line(), text);
                    } else {
                        registry.setLogMessage(b.file(), b.line(), text);
                    }
                },
                () -> setBottom(null));
        setBottom(bar);
    }

    /** What the list shows about a breakpoint's status in the session. */
    static String statusText(UserBreakpoint b, BreakpointStatus status) {
        if (!b.enabled()) {
            return "disabled";
        }
        if (status == null) {
            return "";
        }
        return switch (status.state()) {
            case BOUND -> status.line() == b.line() ? "resolved" : "resolved at line " + status.line();
            case WAITING -> "not resolved yet";
            case NOT_MAPPED -> "not in the debugged code";
            case FAILED -> "failed";
        };
    }

    private final class BreakpointCell extends ListCell<UserBreakpoint> {
        private final CheckBox enabled = new CheckBox();
        private final Label location = new Label();
        private final Label detail = new Label();
        private final Label status = new Label();
        private final Button remove = new Button("×");
        private final HBox row;
        /** Shows the session's new status in place (held here: the list only holds it weakly). */
        private final InvalidationListener statusChange = obs -> render();

        BreakpointCell() {
            enabled.getStyleClass().add("debug-breakpoint-enabled");
            location.getStyleClass().add("debug-breakpoint-location");
            detail.getStyleClass().add("debug-breakpoint-detail");
            status.getStyleClass().add("debug-breakpoint-status");
            remove.getStyleClass().addAll("debug-breakpoint-remove", "flat");
            remove.setTooltip(new Tooltip("Remove this breakpoint"));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(8, enabled, location, detail, gap, status, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            enabled.setOnAction(e -> {
                UserBreakpoint b = getItem();
                if (b != null) {
                    registry.setEnabled(b.file(), b.line(), enabled.isSelected());
                }
            });
            remove.setOnAction(e -> {
                UserBreakpoint b = getItem();
                if (b != null) {
                    registry.remove(b.file(), b.line());
                }
            });
            context.breakpointStatuses().addListener(new WeakInvalidationListener(statusChange));
        }

        @Override
        protected void updateItem(UserBreakpoint b, boolean empty) {
            super.updateItem(b, empty);
            render();
        }

        private void render() {
            UserBreakpoint b = getItem();
            if (isEmpty() || b == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            enabled.setSelected(b.enabled());
            location.setText(b.locationText());
            List<String> parts = new java.util.ArrayList<>();
            if (b.condition() != null) {
                parts.add("if " + b.condition());
            }
            if (b.logMessage() != null) {
                parts.add("log " + b.logMessage());
            }
            detail.setText(String.join(", ", parts));
            BreakpointStatus s = context.statusOf(b).orElse(null);
            status.setText(statusText(b, s));
            status.getStyleClass().removeIf(c -> c.startsWith("status-"));
            if (s != null && b.enabled()) {
                status.getStyleClass().add("status-" + s.state().name().toLowerCase(java.util.Locale.ROOT));
            }
            setTooltip(s != null && s.message() != null ? new Tooltip(s.message()) : null);
            setText(null);
            setGraphic(row);
        }
    }
}
