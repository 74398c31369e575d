package dev.whiskstudio.app.explorer;

import dev.whiskstudio.app.explorer.ExplorerNode.ActionNode;
import dev.whiskstudio.app.explorer.ExplorerNode.GroupNode;
import dev.whiskstudio.app.explorer.ExplorerNode.NamespaceNode;
import dev.whiskstudio.app.explorer.ExplorerNode.PackageNode;
import dev.whiskstudio.app.explorer.ExplorerNode.RuleNode;
import dev.whiskstudio.app.explorer.ExplorerNode.TriggerNode;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.ArrayList;
import java.util.List;

/** The context menu of a row: the commands for its kind of entity, then Refresh. */
final class ExplorerMenus {
    private final EntityExplorer explorer;

    ExplorerMenus(EntityExplorer explorer) {
        this.explorer = explorer;
    }

    List<MenuItem> itemsFor(ExplorerItem item) {
        List<MenuItem> items = new ArrayList<>();
        ExplorerNode node = item == null ? null : item.getValue();
        if (node instanceof NamespaceNode) {
            items.add(item("menu-new-action", "New action…", () -> explorer.newAction(item)));
            items.add(item("menu-new-package", "New package…", () -> explorer.newPackage(item)));
            items.add(item("menu-new-trigger", "New trigger…", () -> explorer.newTrigger(item)));
            items.add(item("menu-new-rule", "New rule…", () -> explorer.newRule(item)));
        } else if (node instanceof PackageNode p) {
            if (!p.isBinding()) {
                items.add(item("menu-new-action", "New action…", () -> explorer.newAction(item)));
            }
        } else if (node instanceof ActionNode a) {
            items.add(item("menu-open", "Open", () -> explorer.open(a)));
            items.add(item("menu-invoke", "Invoke…", () -> explorer.invoke(a)));
            if (a.web()) {
                items.add(item("menu-copy-url", "Copy web URL", () -> explorer.copyWebUrl(a)));
            }
            if (!a.viaBinding()) {
                items.add(item("menu-rename", "Rename…", () -> explorer.rename(item)));
            }
        } else if (node instanceof GroupNode g) {
            if (g.group() == ExplorerNode.Group.TRIGGERS) {
                items.add(item("menu-new-trigger", "New trigger…", () -> explorer.newTrigger(item)));
            } else {
                items.add(item("menu-new-rule", "New rule…", () -> explorer.newRule(item)));
            }
        } else if (node instanceof TriggerNode t) {
            items.add(item("menu-fire", "Fire", () -> explorer.fire(t)));
        } else if (node instanceof RuleNode r) {
            items.add(r.active()
                    ? item("menu-disable", "Disable", () -> explorer.setRuleActive(item, false))
                    : item("menu-enable", "Enable", () -> explorer.setRuleActive(item, true)));
            items.add(item("menu-rename", "Rename…", () -> explorer.rename(item)));
        }
        if (node != null && EntityExplorer.deletable(node) != null) {
            // no accelerators: the keys (Delete, F5) are handled by the explorer, for the row selected when pressed
            items.add(item("menu-delete", "Delete…", () -> explorer.delete(item)));
        }
        if (!items.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        items.add(item("menu-refresh", "Refresh", explorer::refresh));
        return items;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
