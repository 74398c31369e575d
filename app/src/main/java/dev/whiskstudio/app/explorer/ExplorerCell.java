package dev.whiskstudio.app.explorer;

import dev.whiskstudio.app.explorer.ExplorerNode.ActionNode;
import dev.whiskstudio.app.explorer.ExplorerNode.GroupNode;
import dev.whiskstudio.app.explorer.ExplorerNode.InfoNode;
import dev.whiskstudio.app.explorer.ExplorerNode.NamespaceNode;
import dev.whiskstudio.app.explorer.ExplorerNode.PackageNode;
import dev.whiskstudio.app.explorer.ExplorerNode.RuleNode;
import dev.whiskstudio.app.explorer.ExplorerNode.TriggerNode;
import dev.whiskstudio.app.ui.IconGraphic;
import dev.whiskstudio.icons.Icon;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;

/** A row: the entity's icon, its name, and small marks (binding target, shared, kind, web, rule state). */
final class ExplorerCell extends TreeCell<ExplorerNode> {
    private static final double ICON_SIZE = 16;

    @Override
    protected void updateItem(ExplorerNode node, boolean empty) {
        super.updateItem(node, empty);
        setText(null);
        setTooltip(null);
        getStyleClass().removeIf(c -> c.startsWith("explorer-row-"));
        if (empty || node == null) {
            setGraphic(null);
            return;
        }
        Label name = new Label(node.label());
        name.getStyleClass().add("explorer-name");
        List<Node> parts = new ArrayList<>();
        Node icon = icon(node);
        if (icon != null) {
            parts.add(icon);
        }
        parts.add(name);
        parts.addAll(marks(node));
        HBox row = new HBox(parts.toArray(Node[]::new));
        row.getStyleClass().add("explorer-cell");
        getStyleClass().add("explorer-row-" + kind(node));
        setGraphic(row);
        String tip = tooltip(node);
        if (tip != null) {
            setTooltip(new Tooltip(tip));
        }
    }

    private static Node icon(ExplorerNode node) {
        if (node instanceof InfoNode info) {
            if (!info.loading()) {
                return null;
            }
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.getStyleClass().add("explorer-spinner");
            return spinner;
        }
        return new IconGraphic(iconOf(node), ICON_SIZE);
    }

    static Icon iconOf(ExplorerNode node) {
        if (node instanceof NamespaceNode) {
            return Icon.NAMESPACE;
        }
        if (node instanceof PackageNode p) {
            return p.isBinding() ? Icon.PACKAGE_BINDING : Icon.PACKAGE;
        }
        if (node instanceof ActionNode a) {
            return a.isSequence() ? Icon.SEQUENCE : a.web() ? Icon.WEB_ACTION : Icon.ACTION;
        }
        if (node instanceof GroupNode g) {
            return g.group() == ExplorerNode.Group.TRIGGERS ? Icon.TRIGGER : Icon.RULE;
        }
        if (node instanceof TriggerNode) {
            return Icon.TRIGGER;
        }
        if (node instanceof RuleNode) {
            return Icon.RULE;
        }
        return Icon.CLUSTER;
    }

    /** The marks after the name; their texts are what a test or a screen reader finds. */
    static List<Label> marks(ExplorerNode node) {
        List<Label> marks = new ArrayList<>();
        if (node instanceof PackageNode p) {
            if (p.isBinding()) {
                marks.add(mark("→ " + p.boundTo(), "explorer-binding"));
            }
            if (p.shared()) {
                marks.add(mark("shared", "explorer-shared"));
            }
        } else if (node instanceof ActionNode a) {
            if (a.web()) {
                marks.add(mark("web", "explorer-web"));
            }
            if (!a.kind().isEmpty()) {
                marks.add(mark(a.kind(), "explorer-kind"));
            }
        } else if (node instanceof TriggerNode t && t.feed()) {
            marks.add(mark("feed", "explorer-feed"));
        } else if (node instanceof RuleNode r) {
            marks.add(mark(r.active() ? "active" : "inactive", r.active() ? "explorer-active" : "explorer-inactive"));
        } else if (node instanceof InfoNode) {
            marks.clear();
        }
        return marks;
    }

    private static Label mark(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().addAll("explorer-mark", styleClass);
        return label;
    }

    private static String kind(ExplorerNode node) {
        if (node instanceof NamespaceNode) {
            return "namespace";
        }
        if (node instanceof PackageNode p) {
            return p.isBinding() ? "binding" : "package";
        }
        if (node instanceof ActionNode a) {
            return a.isSequence() ? "sequence" : a.web() ? "web-action" : "action";
        }
        if (node instanceof GroupNode) {
            return "group";
        }
        if (node instanceof TriggerNode) {
            return "trigger";
        }
        if (node instanceof RuleNode) {
            return "rule";
        }
        return "info";
    }

    private static String tooltip(ExplorerNode node) {
        if (node instanceof ActionNode a) {
            return a.ref().qualifiedName() + (a.kind().isEmpty() ? "" : " (" + a.kind() + ")");
        }
        if (node instanceof PackageNode p) {
            return p.isBinding() ? "Binding of " + p.boundTo() : "/" + p.namespace() + "/" + p.name();
        }
        if (node instanceof RuleNode r) {
            return "When " + r.trigger() + " fires, invoke " + r.action();
        }
        return null;
    }
}
