package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A package of the manifest with what it lists. Triggers and rules belong to the namespace on the platform; they
 * are kept with the package that lists them, as the manifest has them.
 *
 * @param name   its name; {@link #DEFAULT} means the namespace's default package, which is not created
 * @param inputs its parameters, which its actions inherit
 */
public record ProjectPackage(String name, Map<String, JsonNode> inputs, Map<String, JsonNode> annotations,
                             List<ProjectAction> actions, List<ProjectSequence> sequences,
                             List<ProjectTrigger> triggers, List<ProjectRule> rules, SourcePosition declaredAt) {
    /** The reserved name wskdeploy and aio use for actions outside any package. */
    public static final String DEFAULT = "default";

    public ProjectPackage {
        Objects.requireNonNull(name, "name");
        inputs = ProjectAction.frozen(inputs);
        annotations = ProjectAction.frozen(annotations);
        actions = List.copyOf(actions);
        sequences = List.copyOf(sequences);
        triggers = List.copyOf(triggers);
        rules = List.copyOf(rules);
    }

    public boolean isDefault() {
        return DEFAULT.equals(name);
    }

    static String qualify(String packageName, String name) {
        return DEFAULT.equals(packageName) ? name : packageName + "/" + name;
    }
}
