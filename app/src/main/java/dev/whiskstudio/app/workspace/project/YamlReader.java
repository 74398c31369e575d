package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML file into {@link YamlNode}s from Jackson's token stream, keeping where each node and key is
 * written. A duplicated key is an error here (Jackson's tree would silently keep the last one).
 */
final class YamlReader {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private YamlReader() {
    }

    /** The file's first document, or null when it is empty. */
    static YamlNode read(Path file) throws ProjectLoadException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : node(parser, file);
        } catch (ProjectLoadException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new ProjectLoadException(positionOf(e, file), "not valid YAML: " + problemOf(e));
        } catch (NoSuchFileException e) {
            throw new ProjectLoadException(file, "the file does not exist");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProjectLoadException(file, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new ProjectLoadException(file, "the file cannot be read: " + e.getMessage());
        }
    }

    private static YamlNode node(JsonParser parser, Path file) throws IOException {
        SourcePosition at = position(parser, file);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, SourcePosition> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourcePosition keyAt = position(parser, file);
                    if (entries.containsKey(key)) {
                        throw new ProjectLoadException(keyAt, "the key '" + key + "' is given twice (first at line "
                                + keys.get(key).line() + ")");
                    }
                    parser.nextToken();
                    keys.put(key, keyAt);
                    entries.put(key, node(parser, file));
                }
                return new YamlNode.Mapping(entries, keys, at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, file));
                }
                return new YamlNode.Sequence(items, at);
            }
            default -> {
                return new YamlNode.Scalar(scalar(parser, token), at);
            }
        }
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
    }

    private static SourcePosition position(JsonParser parser, Path file) {
        JsonLocation at = parser.currentTokenLocation();
        return new SourcePosition(file, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
    }

    /**
     * Where the problem is: SnakeYAML's message ends with the problem's mark ({@code line 2, column 1}), which is
     * more precise than Jackson's location (sometimes the start of the construct being parsed).
     */
    private static SourcePosition positionOf(JsonProcessingException e, Path file) {
        String message = e.getOriginalMessage();
        int line = 0;
        int column = 0;
        if (message != null) {
            Matcher m = MARK.matcher(message);
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
            }
        }
        if (line > 0) {
            return new SourcePosition(file, line, column);
        }
        JsonLocation at = e.getLocation();
        return at == null ? SourcePosition.of(file)
                : new SourcePosition(file, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
    }

    /** SnakeYAML's own words, without the echo of the source it appends. */
    private static String problemOf(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        StringBuilder kept = new StringBuilder();
        for (String line : message.split("\\R")) {
            String s = line.strip();
            if (s.startsWith("in 'reader'") || s.startsWith("in '") || s.isEmpty() || s.equals("^")) {
                continue;
            }
            if (line.startsWith("    ")) {
                continue; // the quoted source line and its caret
            }
            kept.append(kept.isEmpty() ? "" : "; ").append(s);
        }
        return kept.isEmpty() ? "syntax error" : kept.toString();
    }
}
