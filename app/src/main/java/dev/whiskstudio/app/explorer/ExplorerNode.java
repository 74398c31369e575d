package dev.whiskstudio.app.explorer;

/**
 * What a row of the explorer stands for. {@link #key()} names the entity, not the row, so a refresh can find the
 * same entity again and keep it expanded or selected.
 */
public sealed interface ExplorerNode {

    /** Stable across reloads: the same entity has the same key. */
    String key();

    /** The name shown. */
    String label();

    /** Whether the row can be opened to show children (loaded when first opened). */
    boolean expandable();

    /** The invisible top of the tree: the target; its children are the namespaces the key opens. */
    record TargetNode(String targetName) implements ExplorerNode {
        public String key() {
            return "target";
        }

        public String label() {
            return targetName;
        }

        public boolean expandable() {
            return true;
        }
    }

    record NamespaceNode(String namespace) implements ExplorerNode {
        public String key() {
            return "ns:" + namespace;
        }

        public String label() {
            return namespace;
        }

        public boolean expandable() {
            return true;
        }
    }

    /**
     * A package; a binding when {@code boundTo} (the bound package, {@code /ns/pkg}) is not null.
     *
     * @param shared published: other namespaces may bind it
     */
    record PackageNode(String namespace, String name, boolean shared, String boundTo) implements ExplorerNode {
        public boolean isBinding() {
            return boundTo != null;
        }

        public String key() {
            return "pkg:" + namespace + "/" + name;
        }

        public String label() {
            return name;
        }

        public boolean expandable() {
            return true;
        }
    }

    /**
     * An action.
     *
     * @param kind       the platform's {@code exec} annotation ({@code nodejs:20}, {@code sequence}, ...), or "" if absent
     * @param web        annotated {@code web-export}
     * @param viaBinding listed under a binding: it belongs to the bound package, so it is not renamed or deleted here
     */
    record ActionNode(ActionRef ref, String kind, boolean web, boolean viaBinding) implements ExplorerNode {
        public boolean isSequence() {
            return "sequence".equals(kind);
        }

        public String key() {
            return "action:" + ref.qualifiedName();
        }

        public String label() {
            return ref.name();
        }

        public boolean expandable() {
            return false;
        }
    }

    /** The triggers or the rules of a namespace. */
    record GroupNode(String namespace, Group group) implements ExplorerNode {
        public String key() {
            return "group:" + namespace + "/" + group.name();
        }

        public String label() {
            return group.title();
        }

        public boolean expandable() {
            return true;
        }
    }

    enum Group {
        TRIGGERS("Triggers"),
        RULES("Rules");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** A trigger; {@code feed} when a feed (e.g. an alarm) produces its events. */
    record TriggerNode(String namespace, String name, boolean feed) implements ExplorerNode {
        public String key() {
            return "trigger:/" + namespace + "/" + name;
        }

        public String label() {
            return name;
        }

        public boolean expandable() {
            return false;
        }
    }

    /** A rule, with its state and the fully qualified names of its trigger and action. */
    record RuleNode(String namespace, String name, boolean active, String trigger, String action) implements ExplorerNode {
        public String key() {
            return "rule:/" + namespace + "/" + name;
        }

        public String label() {
            return name;
        }

        public boolean expandable() {
            return false;
        }
    }

    /** A line that is not an entity: "Loading…", "No actions". */
    record InfoNode(String key, String label, boolean loading) implements ExplorerNode {
        public boolean expandable() {
            return false;
        }
    }
}
