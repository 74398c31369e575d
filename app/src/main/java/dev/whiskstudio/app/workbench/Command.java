package dev.whiskstudio.app.workbench;

import javafx.scene.input.KeyCombination;

/**
 * Every main command of the window, with the menu it sits in and its keyboard shortcut. The menus, the shortcuts and
 * the shortcut list in Help are all built from this one table.
 */
public enum Command {
    OPEN_FOLDER(Menu.FILE, "Open Folder…", "Shortcut+O"),
    SAVE(Menu.FILE, "Save", "Shortcut+S"),
    SAVE_ALL(Menu.FILE, "Save All", "Shortcut+Shift+S"),
    CLOSE_TAB(Menu.FILE, "Close Tab", "Shortcut+W"),
    QUIT(Menu.FILE, "Quit", "Shortcut+Q"),
    UNDO(Menu.EDIT, "Undo", "Shortcut+Z"),
    REDO(Menu.EDIT, "Redo", "Shortcut+Shift+Z"),
    FIND(Menu.EDIT, "Find…", "Shortcut+F"),
    REPLACE(Menu.EDIT, "Replace…", "Shortcut+H"),
    GO_TO_LINE(Menu.EDIT, "Go to Line…", "Shortcut+L"),
    INVOKE(Menu.RUN, "Invoke", "Shortcut+Enter"),
    SYNC_PROJECT(Menu.RUN, "Sync Project to Simulator", "Shortcut+Shift+U"),
    DEPLOY_PROJECT(Menu.TARGET, "Deploy Project…", "Shortcut+Shift+Y"),
    DEPLOY_PACKAGE(Menu.TARGET, "Deploy Current Package…", null),
    DEPLOY_ACTION(Menu.TARGET, "Deploy Current Action…", null),
    CANCEL_WORK(Menu.RUN, "Cancel Running Work", "Shortcut+Period"),
    DEBUG(Menu.DEBUG, "Debug Action", "Shift+F9"),
    CONTINUE(Menu.DEBUG, "Continue", "F8"),
    STEP_OVER(Menu.DEBUG, "Step Over", "F10"),
    STEP_INTO(Menu.DEBUG, "Step Into", "F11"),
    STEP_OUT(Menu.DEBUG, "Step Out", "Shift+F11"),
    PAUSE(Menu.DEBUG, "Pause", null),
    STOP_DEBUG(Menu.DEBUG, "Stop Debugging", "Shortcut+F2"),
    REFRESH(Menu.VIEW, "Refresh Explorer", "F5"),
    FOCUS_EXPLORER(Menu.VIEW, "Focus Explorer", "Shortcut+1"),
    FOCUS_EDITOR(Menu.VIEW, "Focus Editor", "Shortcut+2"),
    FOCUS_INVOKE(Menu.VIEW, "Focus Invoke Panel", "Shortcut+3"),
    TOGGLE_ACTIVATIONS(Menu.VIEW, "Activations Panel", "Shortcut+Shift+A"),
    SHOW_SIMULATOR(Menu.VIEW, "Simulator Status", "Shortcut+Shift+M"),
    TOGGLE_THEME(Menu.VIEW, "Dark Theme", "Shortcut+Shift+D"),
    ADD_TARGET(Menu.TARGET, "Add Cluster…", null),
    SHORTCUTS(Menu.HELP, "Keyboard Shortcuts", "F1");

    /** The menus, in the order of the menu bar. */
    public enum Menu {
        FILE("_File"), EDIT("_Edit"), RUN("_Run"), DEBUG("_Debug"), VIEW("_View"), TARGET("_Target"), HELP("_Help");

        private final String title;

        Menu(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Menu menu;
    private final String label;
    private final KeyCombination shortcut;

    Command(Menu menu, String label, String shortcut) {
        this.menu = menu;
        this.label = label;
        this.shortcut = shortcut == null ? null : KeyCombination.valueOf(shortcut);
    }

    public Menu menu() {
        return menu;
    }

    public String label() {
        return label;
    }

    /** The shortcut, or null for a command only in the menu. */
    public KeyCombination shortcut() {
        return shortcut;
    }

    /** A CSS id for the command's menu item, e.g. {@code cmd-sync-project}. */
    public String cssId() {
        return "cmd-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
