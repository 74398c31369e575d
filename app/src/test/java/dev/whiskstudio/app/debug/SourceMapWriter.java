package dev.whiskstudio.app.debug;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/** Writes a version 3 source map from segments, as a bundler would, for tests. */
final class SourceMapWriter {
    private final List<String> sources;
    private final List<SourceMap.Segment> segments = new ArrayList<>();

    SourceMapWriter(List<String> sources) {
        this.sources = sources;
    }

    SourceMapWriter map(int generatedLine, int generatedColumn, int source, int originalLine, int originalColumn) {
        segments.add(new SourceMap.Segment(generatedLine, generatedColumn, source, originalLine, originalColumn));
        return this;
    }

    /** The {@code mappings} text: fields relative to the previous segment, the column to the line's previous one. */
    String mappings() {
        List<SourceMap.Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingInt(SourceMap.Segment::generatedLine)
                .thenComparingInt(SourceMap.Segment::generatedColumn));
        StringBuilder out = new StringBuilder();
        int line = 0;
        int column = 0;
        int source = 0;
        int originalLine = 0;
        int originalColumn = 0;
        boolean firstOnLine = true;
        for (SourceMap.Segment s : sorted) {
            while (line < s.generatedLine()) {
                out.append(';');
                line++;
                column = 0;
                firstOnLine = true;
            }
            if (!firstOnLine) {
                out.append(',');
            }
            firstOnLine = false;
            out.append(Base64Vlq.encode(s.generatedColumn() - column));
            column = s.generatedColumn();
            if (s.hasSource()) {
                out.append(Base64Vlq.encode(s.source() - source))
                        .append(Base64Vlq.encode(s.originalLine() - originalLine))
                        .append(Base64Vlq.encode(s.originalColumn() - originalColumn));
                source = s.source();
                originalLine = s.originalLine();
                originalColumn = s.originalColumn();
            }
        }
        return out.toString();
    }

    String json() {
        ObjectNode map = new ObjectMapper().createObjectNode();
        map.put("version", 3);
        map.putArray("sources").addAll(sources.stream()
                .map(s -> (com.fasterxml.jackson.databind.JsonNode) map.textNode(s)).toList());
        map.putArray("names");
        map.put("mappings", mappings());
        return map.toString();
    }

    /** The comment a bundler appends for an inline map. */
    String inlineComment() {
        return "//# sourceMappingURL=data:application/json;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(json().getBytes(StandardCharsets.UTF_8));
    }
}
