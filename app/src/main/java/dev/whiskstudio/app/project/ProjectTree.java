package dev.whiskstudio.app.project;

import dev.whiskstudio.app.explorer.ActionRef;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectAction;
import dev.whiskstudio.app.workspace.project.ProjectPackage;
import dev.whiskstudio.app.workspace.project.ProjectRule;
import dev.whiskstudio.app.workspace.project.ProjectSequence;
import dev.whiskstudio.app.workspace.project.ProjectTrigger;
import dev.whiskstudio.app.workspace.project.SourcePosition;
import dev.whiskstudio.app.workspace.project.WebExport;
import javafx.scene.control.TreeItem;

import java.nio.file.Path;

/** Builds the project tree's items from a loaded project: the project, its packages, and what each lists. */
final class ProjectTree {
    /** The namespace the project's actions are synced into: the caller's own. */
    static final String OWN_NAMESPACE = "_";

    private ProjectTree() {
    }

    static TreeItem<ProjectNode> of(Project project) {
        TreeItem<ProjectNode> root = item(new ProjectNode(ProjectNode.Kind.PROJECT,
                project.folder().getFileName() == null ? project.folder().toString() : project.folder().getFileName().toString(),
                project.format().label(), project.manifest(), 0, null));
        for (ProjectPackage pkg : project.packages()) {
            TreeItem<ProjectNode> parent = root;
            if (!pkg.isDefault()) {
                parent = item(new ProjectNode(ProjectNode.Kind.PACKAGE, pkg.name(), "", file(pkg.declaredAt()),
                        line(pkg.declaredAt()), null));
                root.getChildren().add(parent);
            }
            for (ProjectAction a : pkg.actions()) {
                parent.getChildren().add(item(action(project, a)));
            }
            for (ProjectSequence s : pkg.sequences()) {
                parent.getChildren().add(item(new ProjectNode(ProjectNode.Kind.SEQUENCE, s.name(),
                        String.join(" → ", s.components()), file(s.declaredAt()), line(s.declaredAt()),
                        ref(pkg.isDefault() ? null : pkg.name(), s.name()))));
            }
            for (ProjectTrigger t : pkg.triggers()) {
                parent.getChildren().add(item(new ProjectNode(ProjectNode.Kind.TRIGGER, t.name(),
                        t.feed() == null ? "" : "feed " + t.feed(), file(t.declaredAt()), line(t.declaredAt()), null)));
            }
            for (ProjectRule r : pkg.rules()) {
                parent.getChildren().add(item(new ProjectNode(ProjectNode.Kind.RULE, r.name(),
                        r.trigger() + " → " + r.action(), file(r.declaredAt()), line(r.declaredAt()), null)));
            }
        }
        return root;
    }

    /** An action opens its code when it has a file of its own, else (inline code, a zip) its manifest line. */
    private static ProjectNode action(Project project, ProjectAction a) {
        Path code = a.sourceFile();
        boolean ownFile = code != null && !code.equals(project.manifest());
        String detail = ownFile ? relative(project.folder(), code) : a.source().kind().name().toLowerCase(java.util.Locale.ROOT);
        return new ProjectNode(a.web() != WebExport.NO ? ProjectNode.Kind.WEB_ACTION : ProjectNode.Kind.ACTION,
                a.name(), detail, ownFile ? code : file(a.declaredAt()), ownFile ? 0 : line(a.declaredAt()),
                ref(a.packageName().equals(ProjectPackage.DEFAULT) ? null : a.packageName(), a.name()));
    }

    private static ActionRef ref(String pkg, String name) {
        return new ActionRef(OWN_NAMESPACE, pkg, name);
    }

    private static String relative(Path folder, Path file) {
        try {
            return folder.relativize(file).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    private static Path file(SourcePosition at) {
        return at == null ? null : at.file();
    }

    private static int line(SourcePosition at) {
        return at == null ? 0 : at.line();
    }

    private static TreeItem<ProjectNode> item(ProjectNode node) {
        TreeItem<ProjectNode> item = new TreeItem<>(node);
        item.setExpanded(true);
        return item;
    }
}
