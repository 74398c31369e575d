package dev.whiskstudio.app.json;

import com.fasterxml.jackson.databind.JsonNode;

/** One row of a {@link JsonTreeView}: a value under its key, or the marker for the children not shown yet. */
public sealed interface JsonRow {

    /**
     * A value.
     *
     * @param label the field name, {@code [i]} for an array element, or null for the document itself
     * @param path  where the value is in the document, as a JSONPath ({@code $.items[0].name})
     */
    record Value(String label, JsonNode value, String path) implements JsonRow {
    }

    /**
     * The children of a large object or array past the ones shown: activating the row shows the next batch.
     *
     * @param container  the object or array the hidden children belong to
     * @param parentPath the container's path
     * @param from       the index of the first hidden child
     */
    record More(JsonNode container, String parentPath, int from) implements JsonRow {
        public int remaining() {
            return container.size() - from;
        }
    }
}
