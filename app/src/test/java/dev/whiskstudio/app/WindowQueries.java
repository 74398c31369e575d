package dev.whiskstudio.app;

import dev.whiskstudio.app.project.ProjectNode;
import dev.whiskstudio.app.workbench.Workbench;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import org.testfx.api.FxRobot;

import static dev.whiskstudio.app.explorer.FxSupport.onFx;

/** Reading the main window in the acceptance tests, as a user sees it. */
final class WindowQueries {
    private final FxRobot robot;
    private final Workbench workbench;

    WindowQueries(FxRobot robot, Workbench workbench) {
        this.robot = robot;
        this.workbench = workbench;
    }

    /**
     * The project tree's row showing an entity of that name, scrolled into view (the tree only has cells for the rows
     * it shows), or null while the tree has no such entity.
     */
    Node projectRow(String name) throws Exception {
        boolean present = onFx(() -> {
            var tree = workbench.lookup("#project-tree") instanceof javafx.scene.control.TreeView<?> t ? t : null;
            if (tree == null) {
                return false;
            }
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                TreeItem<?> item = tree.getTreeItem(i);
                if (item != null && item.getValue() instanceof ProjectNode p && p.label().equals(name)) {
                    tree.scrollTo(i);
                    return true;
                }
            }
            return false;
        });
        if (!present) {
            return null;
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.lookup("#project-tree .tree-cell").queryAll().stream()
                .filter(n -> n instanceof TreeCell<?> c && c.getItem() instanceof ProjectNode p && p.label().equals(name))
                .findFirst().orElse(null));
    }

    /** The text of the label or labeled control the query finds, empty when there is none. */
    String text(String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText()
                : n instanceof javafx.scene.control.Labeled b ? b.getText() : "").orElse(""));
    }
}
