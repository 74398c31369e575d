package dev.whiskstudio.app.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A version 3 source map, read by us: its {@code sources} (relative ones with {@code sourceRoot} prepended) and its
 * {@code mappings}
 * decoded into segments, searchable both ways. Lines and columns count from 0. Indexed maps ({@code sections}) are
 * not supported. Immutable.
 */
public final class SourceMap {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A URL with a scheme ({@code webpack:}, {@code file:}) or an absolute path. */
    private static final Pattern ABSOLUTE = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:|/");

    private final List<String> sources;
    /** Per generated line: segments sorted by generated column. */
    private final Segment[][] byGeneratedLine;
    /** Per source: its segments sorted by original line, then generated line and column. */
    private final Segment[][] bySource;

    /** One mapping: a generated position and, unless {@code source} is -1, the original position it comes from. */
    public record Segment(int generatedLine, int generatedColumn, int source, int originalLine, int originalColumn) {
        public boolean hasSource() {
            return source >= 0;
        }
    }

    private SourceMap(List<String> sources, Segment[][] byGeneratedLine, Segment[][] bySource) {
        this.sources = sources;
        this.byGeneratedLine = byGeneratedLine;
        this.bySource = bySource;
    }

    /** Parses a map's JSON text. */
    public static SourceMap parse(String json) {
        JsonNode map;
        try {
            map = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("The source map is not JSON: " + e.getMessage(), e);
        }
        if (map == null || !map.isObject()) {
            throw new IllegalArgumentException("The source map is not a JSON object.");
        }
        if (map.has("sections")) {
            throw new IllegalArgumentException("Indexed source maps (with \"sections\") are not supported.");
        }
        if (map.path("version").asInt() != 3) {
            throw new IllegalArgumentException("Only version 3 source maps are supported, not version "
                    + map.path("version").asText("(none)") + ".");
        }
        String root = map.path("sourceRoot").asText("");
        if (!root.isEmpty() && !root.endsWith("/")) {
            root = root + "/";
        }
        List<String> sources = new ArrayList<>();
        for (JsonNode s : map.path("sources")) {
            String source = s.isNull() ? null : s.asText();
            // sourceRoot is a base for relative names only, as URL resolution has it
            sources.add(source == null || ABSOLUTE.matcher(source).lookingAt() ? source : root + source);
        }
        String mappings = map.path("mappings").asText("");
        List<List<Segment>> lines = decode(mappings, sources.size());
        Segment[][] byLine = new Segment[lines.size()][];
        List<List<Segment>> perSource = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            perSource.add(new ArrayList<>());
        }
        for (int i = 0; i < lines.size(); i++) {
            List<Segment> line = lines.get(i);
            line.sort(Comparator.comparingInt(Segment::generatedColumn));
            byLine[i] = line.toArray(new Segment[0]);
            for (Segment s : line) {
                if (s.hasSource()) {
                    perSource.get(s.source()).add(s);
                }
            }
        }
        Segment[][] bySource = new Segment[sources.size()][];
        Comparator<Segment> order = Comparator.comparingInt(Segment::originalLine)
                .thenComparingInt(Segment::generatedLine).thenComparingInt(Segment::generatedColumn);
        for (int i = 0; i < sources.size(); i++) {
            List<Segment> list = perSource.get(i);
            list.sort(order);
            bySource[i] = list.toArray(new Segment[0]);
        }
        return new SourceMap(List.copyOf(sources.stream().map(s -> s == null ? "" : s).toList()), byLine, bySource);
    }

    private static List<List<Segment>> decode(String mappings, int sourceCount) {
        List<List<Segment>> lines = new ArrayList<>();
        List<Segment> line = new ArrayList<>();
        int source = 0;
        int originalLine = 0;
        int originalColumn = 0;
        int generatedColumn = 0;
        int at = 0;
        while (at <= mappings.length()) {
            if (at == mappings.length() || mappings.charAt(at) == ';') {
                lines.add(line);
                line = new ArrayList<>();
                generatedColumn = 0;
                at++;
                continue;
            }
            if (mappings.charAt(at) == ',') {
                at++;
                continue;
            }
            Base64Vlq.Reader in = new Base64Vlq.Reader(mappings, at);
            int[] fields = new int[5];
            int count = 0;
            try {
                while (in.atNumber()) {
                    if (count == 5) {
                        throw new IllegalArgumentException("a segment with more than 5 fields");
                    }
                    fields[count++] = in.next();
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The source map's mappings cannot be read: " + e.getMessage(), e);
            }
            at = in.position();
            generatedColumn += fields[0];
            if (count == 1) {
                line.add(new Segment(lines.size(), generatedColumn, -1, -1, -1));
            } else if (count >= 4) {
                source += fields[1];
                originalLine += fields[2];
                originalColumn += fields[3];
                if (source < 0 || source >= sourceCount || originalLine < 0 || originalColumn < 0
                        || generatedColumn < 0) {
                    throw new IllegalArgumentException("The source map's mappings point outside its sources"
                            + " (generated line " + (lines.size() + 1) + ").");
                }
                line.add(new Segment(lines.size(), generatedColumn, source, originalLine, originalColumn));
            } else {
                throw new IllegalArgumentException("The source map has a segment with " + count
                        + " fields (generated line " + (lines.size() + 1) + ").");
            }
        }
        return lines;
    }

    /** The sources as the map names them, with its {@code sourceRoot}. */
    public List<String> sources() {
        return sources;
    }

    /**
     * The original position of a generated one: the segment of that line that starts at or before the column (or
     * the line's first one when the column is before them all); empty when the line has none or it maps to no source.
     */
    public Optional<Segment> originalFor(int generatedLine, int generatedColumn) {
        if (generatedLine < 0 || generatedLine >= byGeneratedLine.length || byGeneratedLine[generatedLine].length == 0) {
            return Optional.empty();
        }
        Segment[] line = byGeneratedLine[generatedLine];
        Segment found = line[0];
        for (Segment s : line) {
            if (s.generatedColumn() > generatedColumn) {
                break;
            }
            found = s;
        }
        return found.hasSource() ? Optional.of(found) : Optional.empty();
    }

    /**
     * Where an original line runs: the first generated position of {@code originalLine} of {@code source}, or of the
     * next original line that has one (a breakpoint on a blank or comment line moves down, as the engine moves it).
     */
    public Optional<Segment> generatedFor(int source, int originalLine) {
        if (source < 0 || source >= bySource.length) {
            return Optional.empty();
        }
        Segment[] segments = bySource[source];
        int lo = 0;
        int hi = segments.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (segments[mid].originalLine() < originalLine) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < segments.length ? Optional.of(segments[lo]) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SourceMap" + Arrays.toString(sources.toArray());
    }
}
