package dev.whiskstudio.app.project;

import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.icons.Icon;

import java.nio.file.Path;

/**
 * A row of the project tree.
 *
 * @param kind   what it is
 * @param label  its name as shown
 * @param detail a muted note after the name (the source file, a rule's trigger and action), or empty
 * @param file   the file to open for it (an action's code, else where the manifest declares it), or null
 * @param line   the 1-based line to show in {@code file}, 0 for the top
 * @param action the action or sequence it is, relative to the namespace, for Invoke; null for other kinds
 */
public record ProjectNode(Kind kind, String label, String detail, Path file, int line, ActionRef action) {

    /** The kinds of row, each with its icon. */
    public enum Kind {
        PROJECT(Icon.NAMESPACE), PACKAGE(Icon.PACKAGE), ACTION(Icon.ACTION), WEB_ACTION(Icon.WEB_ACTION),
        SEQUENCE(Icon.SEQUENCE), TRIGGER(Icon.TRIGGER), RULE(Icon.RULE);

        private final Icon icon;

        Kind(Icon icon) {
            this.icon = icon;
        }

        public Icon icon() {
            return icon;
        }
    }
}
