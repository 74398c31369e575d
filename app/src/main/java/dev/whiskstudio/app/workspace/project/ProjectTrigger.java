package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;

/**
 * A trigger (a namespace's, whichever package the manifest lists it under).
 *
 * @param feed   the feed action that fires it, e.g. {@code /whisk.system/alarms/alarm}, or null
 * @param inputs its parameters; with a feed, what the feed is created with
 */
public record ProjectTrigger(String name, String feed, Map<String, JsonNode> inputs, Map<String, JsonNode> annotations,
                             SourcePosition declaredAt) {

    public ProjectTrigger {
        Objects.requireNonNull(name, "name");
        inputs = ProjectAction.frozen(inputs);
        annotations = ProjectAction.frozen(annotations);
    }
}
