package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sequence as the manifest declares it.
 *
 * @param components its actions in order, each relative to the namespace ({@code pkg/action}) or fully qualified
 *                   ({@code /ns/pkg/action}); a bare name in the manifest is taken as one of its package's
 */
public record ProjectSequence(String packageName, String name, List<String> components, WebExport web,
                              Map<String, JsonNode> annotations, SourcePosition declaredAt) {

    public ProjectSequence {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(name, "name");
        components = List.copyOf(components);
        web = web == null ? WebExport.NO : web;
        annotations = ProjectAction.frozen(annotations);
    }

    public String qualifiedName() {
        return ProjectPackage.qualify(packageName, name);
    }
}
