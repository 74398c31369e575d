package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A filter as JSON, field by field, so a file written by another version still reads: an unknown or missing value
 * means "any".
 */
final class FilterJson {
    private FilterJson() {
    }

    static ObjectNode toJson(ActivationFilter f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("text", f.text());
        o.put("searchLogsAndResult", f.searchDocs());
        o.put("status", f.status().name());
        o.put("start", f.start().name());
        o.put("action", f.action());
        ObjectNode range = o.putObject("range");
        range.put("span", f.range().span().name());
        if (f.range().span() == TimeRange.Span.CUSTOM) {
            range.put("from", f.range().from());
            range.put("to", f.range().to());
        }
        return o;
    }

    static ActivationFilter fromJson(JsonNode o) {
        JsonNode range = o.path("range");
        TimeRange.Span span = enumOr(TimeRange.Span.class, range.path("span").asText(""), TimeRange.Span.ALL);
        TimeRange timeRange;
        try {
            timeRange = span == TimeRange.Span.CUSTOM
                    ? TimeRange.custom(range.path("from").asLong(0), range.path("to").asLong(0))
                    : TimeRange.last(span);
        } catch (IllegalArgumentException backwards) {
            timeRange = TimeRange.ALL;
        }
        return new ActivationFilter(o.path("text").asText(""), o.path("searchLogsAndResult").asBoolean(false),
                enumOr(StatusChoice.class, o.path("status").asText(""), StatusChoice.ANY),
                enumOr(StartChoice.class, o.path("start").asText(""), StartChoice.ANY),
                o.path("action").asText(""), timeRange);
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }
}
