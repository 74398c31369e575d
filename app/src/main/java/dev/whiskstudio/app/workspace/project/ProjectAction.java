package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An action as the manifest declares it.
 *
 * @param packageName  its package ({@link ProjectPackage#DEFAULT} for none)
 * @param name         its name in the package
 * @param source       where its code is
 * @param runtime      the kind to create it with, e.g. {@code nodejs:20} or {@code nodejs:default}
 * @param main         the function to call, or null for the platform's {@code main}
 * @param inputs       its parameters, in manifest order; {@code $VAR} values are still unresolved here
 * @param web          whether it is a web action
 * @param annotations  the manifest's annotations, less {@code web-export} and {@code raw-http}, which {@code web}
 *                     holds
 * @param limits       its limits
 * @param declaredAt   where the manifest names it (the file itself for a project without manifest)
 */
public record ProjectAction(String packageName, String name, ActionSource source, String runtime, String main,
                            Map<String, JsonNode> inputs, WebExport web, Map<String, JsonNode> annotations,
                            ActionLimits limits, SourcePosition declaredAt) {

    public ProjectAction {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(runtime, "runtime");
        inputs = frozen(inputs);
        annotations = frozen(annotations);
        web = web == null ? WebExport.NO : web;
        limits = limits == null ? ActionLimits.NONE : limits;
    }

    static Map<String, JsonNode> frozen(Map<String, JsonNode> values) {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> copy.put(k, v == null ? null : v.deepCopy()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** {@code pkg/name}, or {@code name} in the default package: the name relative to the namespace. */
    public String qualifiedName() {
        return ProjectPackage.qualify(packageName, name);
    }

    /** The file to open in the editor (null for a zip). */
    public Path sourceFile() {
        return source.entryFile();
    }

    /** Its input whose value is {@code name}, e.g. for the UI to show where a parameter comes from. */
    public JsonNode input(String inputName) {
        JsonNode v = inputs.get(inputName);
        return v == null ? null : v.deepCopy();
    }
}
