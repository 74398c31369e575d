package dev.whiskstudio.app.workspace.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * aio's {@code $include: path/to/file.yaml}: the map holding it gets the included file's map, its own other keys
 * winning. The path is relative to the file that holds the directive; included files may include in turn, but not
 * in a cycle. Nodes keep the position in their own file, so paths inside an included file resolve against it.
 */
final class YamlIncludes {
    static final String DIRECTIVE = "$include";

    private YamlIncludes() {
    }

    static YamlNode resolve(YamlNode node, Path file) throws ProjectLoadException {
        return resolve(node, List.of(file.toAbsolutePath().normalize()));
    }

    private static YamlNode resolve(YamlNode node, List<Path> chain) throws ProjectLoadException {
        if (node instanceof YamlNode.Sequence list) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode item : list.items()) {
                items.add(resolve(item, chain));
            }
            return new YamlNode.Sequence(items, list.at());
        }
        if (!(node instanceof YamlNode.Mapping map)) {
            return node;
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourcePosition> keys = new LinkedHashMap<>();
        YamlNode directive = map.get(DIRECTIVE);
        if (directive != null) {
            YamlNode.Mapping included = include(directive, map.keyAt(DIRECTIVE), chain);
            entries.putAll(included.entries());
            keys.putAll(included.keys());
        }
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            if (!e.getKey().equals(DIRECTIVE)) {
                entries.put(e.getKey(), e.getValue() == null ? null : resolve(e.getValue(), chain));
                keys.put(e.getKey(), map.keyAt(e.getKey()));
            }
        }
        return new YamlNode.Mapping(entries, keys, map.at());
    }

    private static YamlNode.Mapping include(YamlNode directive, SourcePosition keyAt, List<Path> chain)
            throws ProjectLoadException {
        if (!(directive instanceof YamlNode.Scalar name) || !name.value().isTextual() || name.text().isBlank()) {
            throw new ProjectLoadException(keyAt, DIRECTIVE + " must name a YAML file");
        }
        Path target = name.at().folder().resolve(name.text().strip()).toAbsolutePath().normalize();
        if (chain.contains(target)) {
            throw new ProjectLoadException(name.at(), DIRECTIVE + " '" + name.text() + "' includes itself through "
                    + chain.stream().map(p -> p.getFileName().toString()).toList());
        }
        if (!Files.isRegularFile(target)) {
            throw new ProjectLoadException(name.at(), DIRECTIVE + " '" + name.text() + "' does not exist (looked for "
                    + target + ")");
        }
        YamlNode content = YamlReader.read(target);
        if (!(content instanceof YamlNode.Mapping)) {
            throw new ProjectLoadException(name.at(), DIRECTIVE + " '" + name.text() + "' holds "
                    + (content == null ? "nothing" : content.kindName()) + ", not a map");
        }
        List<Path> longer = new ArrayList<>(chain);
        longer.add(target);
        return (YamlNode.Mapping) resolve(content, longer);
    }
}
