package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of a YAML document with the position it was written at. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    SourcePosition at();

    /** What a person calls this kind of node, for "must be a map, not a list". */
    String kindName();

    /** The same value as plain JSON, positions dropped. */
    JsonNode toJson();

    /**
     * A YAML map, in document order.
     *
     * @param keys where each key is written
     */
    record Mapping(Map<String, YamlNode> entries, Map<String, SourcePosition> keys, SourcePosition at)
            implements YamlNode {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        YamlNode get(String key) {
            return entries.get(key);
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        /** Where the key is written, else where the map starts. */
        SourcePosition keyAt(String key) {
            return keys.getOrDefault(key, at);
        }

        @Override
        public String kindName() {
            return "a map";
        }

        @Override
        public JsonNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            entries.forEach((k, v) -> o.set(k, v == null ? JsonNodeFactory.instance.nullNode() : v.toJson()));
            return o;
        }
    }

    record Sequence(List<YamlNode> items, SourcePosition at) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }

        @Override
        public JsonNode toJson() {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            items.forEach(i -> a.add(i.toJson()));
            return a;
        }
    }

    /** A string, number, boolean or null, typed as YAML resolved it. */
    record Scalar(JsonNode value, SourcePosition at) implements YamlNode {

        boolean isNull() {
            return value.isNull();
        }

        /** The value as text: a string as it is, a number or boolean as written. */
        String text() {
            return value.asText();
        }

        @Override
        public String kindName() {
            return value.isNull() ? "empty" : value.isTextual() ? "a string" : value.isBoolean() ? "a boolean" : "a number";
        }

        @Override
        public JsonNode toJson() {
            return value;
        }
    }
}
