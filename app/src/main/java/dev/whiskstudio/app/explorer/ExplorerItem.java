package dev.whiskstudio.app.explorer;

import javafx.concurrent.Task;
import javafx.scene.control.TreeItem;

/** A row of the explorer and whether its children have been read from the target yet. */
final class ExplorerItem extends TreeItem<ExplorerNode> {
    enum State { NOT_LOADED, LOADING, LOADED }

    State state = State.NOT_LOADED;
    /** The load in flight for this row, so a newer load or a cancel can stop it. */
    Task<?> loading;

    ExplorerItem(ExplorerNode node) {
        super(node);
    }

    @Override
    public boolean isLeaf() {
        return !getValue().expandable();
    }

    /** Still part of the tree (a refresh replaces rows; answers for a replaced row are dropped). */
    boolean attachedTo(TreeItem<ExplorerNode> root) {
        TreeItem<ExplorerNode> at = this;
        while (at.getParent() != null) {
            at = at.getParent();
        }
        return at == root;
    }
}
