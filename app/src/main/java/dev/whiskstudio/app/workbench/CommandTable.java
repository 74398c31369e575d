package dev.whiskstudio.app.workbench;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.EnumMap;
import java.util.Map;

/**
 * What each {@link Command} does in this window and when it is unavailable; builds the menu bar from it, with the
 * shortcuts as the menu items' accelerators (JavaFX installs those on the scene, so they work wherever the focus is,
 * unless the focused control uses the key itself, as the editor does for undo).
 */
public final class CommandTable {
    private final Map<Command, Runnable> actions = new EnumMap<>(Command.class);
    private final Map<Command, ObservableBooleanValue> disabled = new EnumMap<>(Command.class);
    private final Map<Command, MenuItem> items = new EnumMap<>(Command.class);

    public CommandTable on(Command command, Runnable action) {
        actions.put(command, action);
        return this;
    }

    public CommandTable disabledWhen(Command command, ObservableBooleanValue condition) {
        disabled.put(command, condition);
        return this;
    }

    /** Runs a command as its menu item or shortcut would; does nothing while it is disabled. */
    public void run(Command command) {
        ObservableBooleanValue off = disabled.get(command);
        Runnable action = actions.get(command);
        if (action != null && (off == null || !off.get())) {
            action.run();
        }
    }

    public MenuBar menuBar() {
        MenuBar bar = new MenuBar();
        bar.setId("menu-bar");
        for (Command.Menu menu : Command.Menu.values()) {
            Menu m = new Menu(menu.title());
            Command previous = null;
            for (Command c : Command.values()) {
                if (c.menu() != menu || !actions.containsKey(c)) {
                    continue;
                }
                if (previous != null && group(previous) != group(c)) {
                    m.getItems().add(new SeparatorMenuItem());
                }
                m.getItems().add(item(c));
                previous = c;
            }
            if (!m.getItems().isEmpty()) {
                bar.getMenus().add(m);
            }
        }
        return bar;
    }

    /** The menu item of a command, once the menu bar is built. */
    public MenuItem item(Command c) {
        return items.computeIfAbsent(c, this::newItem);
    }

    private MenuItem newItem(Command c) {
        MenuItem item = c == Command.TOGGLE_THEME || c == Command.TOGGLE_ACTIVATIONS ? new CheckMenuItem(c.label())
                : new MenuItem(c.label());
        item.setId(c.cssId());
        item.setMnemonicParsing(false);
        if (c.shortcut() != null) {
            item.setAccelerator(c.shortcut());
        }
        item.setOnAction(e -> run(c));
        ObservableBooleanValue off = disabled.get(c);
        if (off != null) {
            item.disableProperty().bind(off);
        }
        return item;
    }

    /** Commands of a menu fall into groups of related ones, with a line between groups. */
    private static int group(Command c) {
        return switch (c) {
            case OPEN_FOLDER -> 0;
            case SAVE, SAVE_ALL -> 1;
            case CLOSE_TAB -> 2;
            case QUIT -> 3;
            case UNDO, REDO -> 4;
            case FIND, REPLACE, GO_TO_LINE -> 5;
            case INVOKE -> 6;
            case SYNC_PROJECT, CANCEL_WORK -> 7;
            case REFRESH -> 8;
            case FOCUS_EXPLORER, FOCUS_EDITOR, FOCUS_INVOKE -> 9;
            case TOGGLE_ACTIVATIONS, SHOW_SIMULATOR, TOGGLE_THEME -> 10;
            default -> 11;
        };
    }
}
