package dev.whiskstudio.app.workspace.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code packages:} map of a wskdeploy manifest or an aio {@code runtimeManifest} (the same format) into
 * project records. Several {@code packages:} maps may be read into one reader (aio's application and extensions);
 * a package named in more than one gets the entities of all. Paths are resolved against the file each is written
 * in; every error names the file, line and column of what is wrong.
 */
final class ManifestReader {
    /** aio's placeholder for the package named after the app's package.json. */
    static final String APP_PACKAGE_PLACEHOLDER = "__APP_PACKAGE__";
    /** wskdeploy's typed parameter: {@code {type, value|default, description, required}}. */
    private static final Set<String> PARAMETER_FIELDS =
            Set.of("type", "value", "default", "description", "required", "status", "schema", "properties");
    private static final Map<String, JsonNode> TYPE_DEFAULTS = Map.of(
            "string", JsonNodeFactory.instance.textNode(""),
            "integer", JsonNodeFactory.instance.numberNode(0),
            "number", JsonNodeFactory.instance.numberNode(0),
            "float", JsonNodeFactory.instance.numberNode(0.0),
            "boolean", JsonNodeFactory.instance.booleanNode(false),
            "json", JsonNodeFactory.instance.objectNode());
    private static final Pattern TIME = Pattern.compile("(\\d+)\\s*(ms|s|sec|m|min)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|m|mb|g|gb)?", Pattern.CASE_INSENSITIVE);

    /** Gives the name {@value #APP_PACKAGE_PLACEHOLDER} stands for, read only when it is used. */
    interface AppPackageName {
        String get() throws ProjectLoadException;
    }

    private final AppPackageName appPackage;
    private final Map<String, PackageParts> packages = new LinkedHashMap<>();
    private final Map<String, SourcePosition> triggerNames = new HashMap<>();
    private final Map<String, SourcePosition> ruleNames = new HashMap<>();

    ManifestReader(AppPackageName appPackage) {
        this.appPackage = appPackage;
    }

    /** The packages read so far, in the order first seen. */
    List<ProjectPackage> packages() {
        return packages.values().stream().map(PackageParts::build).toList();
    }

    /** Reads a {@code packages:} value; {@code owner} is where its key is written. */
    void readPackages(YamlNode node, SourcePosition owner) throws ProjectLoadException {
        YamlNode.Mapping map = mapping(node, owner, "'packages'");
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            SourcePosition keyAt = map.keyAt(e.getKey());
            readPackage(name(e.getKey(), keyAt, "package"), keyAt, e.getValue());
        }
    }

    private void readPackage(String name, SourcePosition keyAt, YamlNode node) throws ProjectLoadException {
        YamlNode.Mapping p = mapping(node, keyAt, "package '" + name + "'");
        PackageParts parts = packages.computeIfAbsent(name, n -> new PackageParts(n, keyAt));
        parts.inputs.putAll(inputs(p, "inputs"));
        parts.annotations.putAll(values(p, "annotations"));

        YamlNode.Mapping actions = mapping(p.get("actions"), p.keyAt("actions"), "'actions' of package '" + name + "'");
        for (Map.Entry<String, YamlNode> e : actions.entries().entrySet()) {
            SourcePosition at = actions.keyAt(e.getKey());
            String actionName = name(e.getKey(), at, "action");
            parts.claim(actionName, at);
            parts.actions.add(action(name, actionName, at, e.getValue()));
        }
        YamlNode.Mapping sequences = mapping(p.get("sequences"), p.keyAt("sequences"),
                "'sequences' of package '" + name + "'");
        for (Map.Entry<String, YamlNode> e : sequences.entries().entrySet()) {
            SourcePosition at = sequences.keyAt(e.getKey());
            String sequenceName = name(e.getKey(), at, "sequence");
            parts.claim(sequenceName, at);
            parts.sequences.add(sequence(name, sequenceName, at, e.getValue()));
        }
        YamlNode.Mapping triggers = mapping(p.get("triggers"), p.keyAt("triggers"), "'triggers' of package '" + name + "'");
        for (Map.Entry<String, YamlNode> e : triggers.entries().entrySet()) {
            SourcePosition at = triggers.keyAt(e.getKey());
            String triggerName = unique(name(e.getKey(), at, "trigger"), at, triggerNames, "trigger");
            parts.triggers.add(trigger(triggerName, at, e.getValue()));
        }
        YamlNode.Mapping rules = mapping(p.get("rules"), p.keyAt("rules"), "'rules' of package '" + name + "'");
        for (Map.Entry<String, YamlNode> e : rules.entries().entrySet()) {
            SourcePosition at = rules.keyAt(e.getKey());
            String ruleName = unique(name(e.getKey(), at, "rule"), at, ruleNames, "rule");
            parts.rules.add(rule(name, ruleName, at, e.getValue()));
        }
    }

    private ProjectAction action(String pkg, String name, SourcePosition keyAt, YamlNode node)
            throws ProjectLoadException {
        String what = "action '" + ProjectPackage.qualify(pkg, name) + "'";
        YamlNode.Mapping a = mapping(node, keyAt, what);
        for (String unsupported : List.of("docker", "native")) {
            if (a.has(unsupported)) {
                throw new ProjectLoadException(a.keyAt(unsupported), what + " uses '" + unsupported
                        + "': Docker actions are not supported, only actions with source code");
            }
        }
        String function = text(a, "function", what);
        String code = text(a, "code", what);
        ActionSource source;
        if (function != null) {
            source = source(function, a.get("function").at(), what);
        } else if (code != null) {
            source = ActionSource.inline(code, a.keyAt("code").file());
        } else {
            throw new ProjectLoadException(keyAt, what + " has no 'function' (the file or folder with its code)");
        }
        String runtimeKey = a.has("runtime") ? "runtime" : "kind";
        String runtimeText = text(a, runtimeKey, what);
        String runtime;
        try {
            runtime = runtimeText == null ? null : RuntimeKinds.parse(runtimeText);
        } catch (IllegalArgumentException e) {
            throw new ProjectLoadException(a.get(runtimeKey).at(), what + ": " + e.getMessage());
        }
        if (runtime == null) {
            runtime = RuntimeKinds.infer(source);
            if (runtime == null) {
                throw new ProjectLoadException(keyAt, what + " needs a 'runtime' (e.g. nodejs:20): it cannot be told from "
                        + (source.kind() == SourceKind.INLINE ? "inline code" : "'" + source.path().getFileName() + "'"));
            }
        }
        Map<String, JsonNode> annotations = values(a, "annotations");
        WebExport web = web(a, what, annotations);
        annotations.remove("web-export");
        annotations.remove("raw-http");
        if (a.has("final")) {
            annotations.put("final", bool(a, "final", what));
        }
        return new ProjectAction(pkg, name, source, runtime, text(a, "main", what), inputs(a, "inputs"), web,
                annotations, limits(a, what), keyAt);
    }

    /** {@code web} (or {@code web-export}) of the action, or the {@code web-export} annotation; raw by either. */
    private static WebExport web(YamlNode.Mapping a, String what, Map<String, JsonNode> annotations)
            throws ProjectLoadException {
        String key = a.has("web") ? "web" : "web-export";
        WebExport web = WebExport.parse(a.has(key) && a.get(key) != null ? a.get(key).toJson() : null);
        if (web == null) {
            throw new ProjectLoadException(a.get(key).at(), what + ": '" + key + "' must be yes, no, true, false or raw");
        }
        if (web == WebExport.NO && annotations.containsKey("web-export")) {
            web = WebExport.parse(annotations.get("web-export"));
            if (web == null) {
                throw new ProjectLoadException(a.keyAt("annotations"), what
                        + ": the 'web-export' annotation must be yes, no, true, false or raw");
            }
        }
        boolean raw = (a.has("raw-http") && a.get("raw-http") != null && a.get("raw-http").toJson().asBoolean())
                || (annotations.containsKey("raw-http") && annotations.get("raw-http").asBoolean());
        return raw && web == WebExport.YES ? WebExport.RAW : web;
    }

    private ActionSource source(String function, SourcePosition at, String what) throws ProjectLoadException {
        Path path = at.folder().resolve(function.strip()).normalize();
        if (Files.isDirectory(path)) {
            return new ActionSource(SourceKind.DIRECTORY, path, entryOf(path, at, what), null);
        }
        if (!Files.isRegularFile(path)) {
            throw new ProjectLoadException(at, what + ": its function '" + function + "' does not exist (looked for "
                    + path + ")");
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return new ActionSource(SourceKind.ZIP, path, null, null);
        }
        return ActionSource.file(path);
    }

    /** The file a folder action starts from: package.json's {@code main}, else {@code index.js}. */
    private static Path entryOf(Path dir, SourcePosition at, String what) throws ProjectLoadException {
        Path packageJson = dir.resolve("package.json");
        if (Files.isRegularFile(packageJson)) {
            JsonNode pkg;
            try {
                pkg = new ObjectMapper().readTree(packageJson.toFile());
            } catch (IOException e) {
                throw new ProjectLoadException(packageJson, "not valid JSON, so the action " + what
                        + " cannot be built from this folder");
            }
            String main = pkg == null ? "" : pkg.path("main").asText("");
            Path entry = dir.resolve(main.isBlank() ? "index.js" : main).normalize();
            if (Files.isRegularFile(entry)) {
                return entry;
            }
            if (Files.isRegularFile(dir.resolve(main + ".js"))) {
                return dir.resolve(main + ".js");
            }
            throw new ProjectLoadException(packageJson, "its main '" + (main.isBlank() ? "index.js" : main)
                    + "' does not exist, so " + what + " has no code to run");
        }
        if (Files.isRegularFile(dir.resolve("index.js"))) {
            return dir.resolve("index.js");
        }
        throw new ProjectLoadException(at, what + ": the folder " + dir + " has neither package.json nor index.js");
    }

    private static ActionLimits limits(YamlNode.Mapping a, String what) throws ProjectLoadException {
        if (!a.has("limits") || a.get("limits") == null) {
            return ActionLimits.NONE;
        }
        YamlNode.Mapping l = mapping(a.get("limits"), a.keyAt("limits"), "'limits' of " + what);
        return new ActionLimits(
                millis(first(l, "timeout"), what),
                megabytes(first(l, "memorySize", "memory"), what),
                megabytes(first(l, "logSize", "logs"), what),
                count(first(l, "concurrency", "concurrentActivations"), what));
    }

    private static YamlNode first(YamlNode.Mapping map, String... keys) {
        for (String k : keys) {
            if (map.get(k) != null) {
                return map.get(k);
            }
        }
        return null;
    }

    private static Integer millis(YamlNode node, String what) throws ProjectLoadException {
        Long n = amount(node, TIME, what, "timeout", "milliseconds, e.g. 60000 or '60 s'");
        if (n == null) {
            return null;
        }
        String unit = unitOf(node, TIME);
        long ms = switch (unit) {
            case "s", "sec" -> n * 1000;
            case "m", "min" -> n * 60_000;
            default -> n;
        };
        return toInt(ms, node, what);
    }

    private static Integer megabytes(YamlNode node, String what) throws ProjectLoadException {
        Long n = amount(node, SIZE, what, "size", "megabytes, e.g. 256 or '256 MB'");
        if (n == null) {
            return null;
        }
        long bytesPerUnit = switch (unitOf(node, SIZE)) {
            case "b" -> 1;
            case "k", "kb" -> 1024;
            case "g", "gb" -> 1024L * 1024 * 1024;
            default -> 1024L * 1024;
        };
        long bytes = n * bytesPerUnit;
        if (bytes % (1024 * 1024) != 0) {
            throw new ProjectLoadException(node.at(), what + ": a size limit is whole megabytes, not '"
                    + ((YamlNode.Scalar) node).text() + "'");
        }
        return toInt(bytes / (1024 * 1024), node, what);
    }

    private static Integer count(YamlNode node, String what) throws ProjectLoadException {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && s.value().canConvertToInt() && s.value().isIntegralNumber()
                && s.value().intValue() >= 0) {
            return s.value().intValue();
        }
        throw new ProjectLoadException(node.at(), what + ": concurrency must be a whole number");
    }

    /** The number of a limit written as a number or as text with a unit; null when not given. */
    private static Long amount(YamlNode node, Pattern pattern, String what, String kind, String expected)
            throws ProjectLoadException {
        if (node == null || (node instanceof YamlNode.Scalar s && s.isNull())) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s) {
            if (s.value().isIntegralNumber() && s.value().canConvertToLong() && s.value().longValue() >= 0) {
                return s.value().longValue();
            }
            if (s.value().isTextual()) {
                Matcher m = pattern.matcher(s.text().strip());
                if (m.matches()) {
                    return Long.parseLong(m.group(1));
                }
            }
        }
        throw new ProjectLoadException(node.at(), what + ": a " + kind + " limit is " + expected);
    }

    private static String unitOf(YamlNode node, Pattern pattern) {
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        if (!s.value().isTextual()) {
            return "";
        }
        Matcher m = pattern.matcher(s.text().strip());
        return m.matches() && m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : "";
    }

    private static Integer toInt(long value, YamlNode node, String what) throws ProjectLoadException {
        if (value > Integer.MAX_VALUE) {
            throw new ProjectLoadException(node.at(), what + ": the limit is too large");
        }
        return (int) value;
    }

    private ProjectSequence sequence(String pkg, String name, SourcePosition keyAt, YamlNode node)
            throws ProjectLoadException {
        String what = "sequence '" + ProjectPackage.qualify(pkg, name) + "'";
        YamlNode.Mapping s = mapping(node, keyAt, what);
        YamlNode listed = s.get("actions");
        List<String> names = new ArrayList<>();
        if (listed instanceof YamlNode.Scalar text && text.value().isTextual()) {
            for (String part : text.text().split(",")) {
                if (!part.isBlank()) {
                    names.add(part.strip());
                }
            }
        } else if (listed instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlNode.Scalar text) || !text.value().isTextual()) {
                    throw new ProjectLoadException(item.at(), what + ": each of its actions is a name");
                }
                names.add(text.text().strip());
            }
        } else if (listed != null && !(listed instanceof YamlNode.Scalar n && n.isNull())) {
            throw new ProjectLoadException(listed.at(), what + ": 'actions' is a list of action names, like \"a, b, c\"");
        }
        if (names.isEmpty()) {
            throw new ProjectLoadException(keyAt, what + " lists no actions (write actions: \"a, b\")");
        }
        List<String> components = new ArrayList<>();
        for (String n : names) {
            components.add(actionReference(pkg, n, listed.at(), what));
        }
        Map<String, JsonNode> annotations = values(s, "annotations");
        WebExport web = web(s, what, annotations);
        annotations.remove("web-export");
        annotations.remove("raw-http");
        return new ProjectSequence(pkg, name, components, web, annotations, keyAt);
    }

    private ProjectTrigger trigger(String name, SourcePosition keyAt, YamlNode node) throws ProjectLoadException {
        String what = "trigger '" + name + "'";
        YamlNode.Mapping t = mapping(node, keyAt, what);
        String feed = text(t, "feed", what);
        return new ProjectTrigger(name, feed == null || feed.isBlank() ? null : feed.strip(), inputs(t, "inputs"),
                values(t, "annotations"), keyAt);
    }

    private ProjectRule rule(String pkg, String name, SourcePosition keyAt, YamlNode node) throws ProjectLoadException {
        String what = "rule '" + name + "'";
        YamlNode.Mapping r = mapping(node, keyAt, what);
        String trigger = text(r, "trigger", what);
        String action = text(r, "action", what);
        if (trigger == null || trigger.isBlank() || action == null || action.isBlank()) {
            throw new ProjectLoadException(keyAt, what + " needs both a 'trigger' and an 'action'");
        }
        String triggerRef = trigger.strip();
        if (!triggerRef.startsWith("/") && triggerRef.contains("/")) {
            triggerRef = "/" + triggerRef;
        }
        return new ProjectRule(name, triggerRef, actionReference(pkg, action, r.get("action").at(), what), keyAt);
    }

    /**
     * An action named in a sequence or rule: a bare name is one of the package's, {@code pkg/name} is relative to
     * the namespace, {@code ns/pkg/name} and {@code /ns/...} are fully qualified (returned with a leading slash).
     */
    private String actionReference(String pkg, String reference, SourcePosition at, String what)
            throws ProjectLoadException {
        String r = reference.strip();
        if (r.contains(APP_PACKAGE_PLACEHOLDER)) {
            r = r.replace(APP_PACKAGE_PLACEHOLDER, appPackage.get());
        }
        boolean absolute = r.startsWith("/");
        String[] parts = (absolute ? r.substring(1) : r).split("/", -1);
        for (String part : parts) {
            if (part.isBlank()) {
                throw new ProjectLoadException(at, what + ": '" + reference + "' is not an action name");
            }
        }
        if (absolute) {
            if (parts.length < 2 || parts.length > 3) {
                throw new ProjectLoadException(at, what + ": '" + reference + "' is not an action name (/ns/pkg/action)");
            }
            return r;
        }
        return switch (parts.length) {
            case 1 -> ProjectPackage.qualify(pkg, r);
            case 2 -> r;
            case 3 -> "/" + r;
            default -> throw new ProjectLoadException(at, what + ": '" + reference + "' is not an action name");
        };
    }

    /** A package or entity name: {@value #APP_PACKAGE_PLACEHOLDER} replaced, no slash, not blank. */
    private String name(String written, SourcePosition at, String kind) throws ProjectLoadException {
        String name = written;
        if (name.contains(APP_PACKAGE_PLACEHOLDER)) {
            name = name.replace(APP_PACKAGE_PLACEHOLDER, appPackage.get());
        }
        if (name.isBlank() || name.contains("/")) {
            throw new ProjectLoadException(at, "'" + written + "' cannot be a " + kind + " name"
                    + (name.contains("/") ? " (a name has no '/')" : ""));
        }
        return name;
    }

    private static String unique(String name, SourcePosition at, Map<String, SourcePosition> seen, String kind)
            throws ProjectLoadException {
        SourcePosition before = seen.putIfAbsent(name, at);
        if (before != null) {
            throw new ProjectLoadException(at, "the " + kind + " '" + name + "' is declared twice (also at " + before + ")");
        }
        return name;
    }

    /** A map value; absent or empty (YAML {@code key:} with nothing) is an empty map. */
    static YamlNode.Mapping mapping(YamlNode node, SourcePosition owner, String what) throws ProjectLoadException {
        if (node == null || (node instanceof YamlNode.Scalar s && s.isNull())) {
            return new YamlNode.Mapping(Map.of(), Map.of(), owner);
        }
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw new ProjectLoadException(node.at(), what + " must be a map of names to settings, not " + node.kindName());
    }

    /** A scalar's text, null when absent or empty; a map or list there is an error. */
    private static String text(YamlNode.Mapping map, String key, String what) throws ProjectLoadException {
        YamlNode node = map.get(key);
        if (node == null || (node instanceof YamlNode.Scalar s && s.isNull())) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s) {
            return s.text();
        }
        throw new ProjectLoadException(node.at(), what + ": '" + key + "' must be a single value, not " + node.kindName());
    }

    private static JsonNode bool(YamlNode.Mapping map, String key, String what) throws ProjectLoadException {
        YamlNode node = map.get(key);
        if (node instanceof YamlNode.Scalar s && (s.value().isBoolean()
                || s.value().isTextual() && Set.of("true", "false", "yes", "no").contains(s.text().toLowerCase(Locale.ROOT)))) {
            String t = s.text().toLowerCase(Locale.ROOT);
            return JsonNodeFactory.instance.booleanNode(t.equals("true") || t.equals("yes"));
        }
        throw new ProjectLoadException(node == null ? map.keyAt(key) : node.at(), what + ": '" + key + "' must be true or false");
    }

    /** A map of names to values (annotations), as JSON. */
    private static Map<String, JsonNode> values(YamlNode.Mapping owner, String key) throws ProjectLoadException {
        YamlNode.Mapping map = mapping(owner.get(key), owner.keyAt(key), "'" + key + "'");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> out.put(k, v == null ? JsonNodeFactory.instance.nullNode() : v.toJson()));
        return out;
    }

    /**
     * Inputs: a plain value, or wskdeploy's typed parameter ({@code {type, value}} or {@code {type, default}}),
     * whose value is taken; a bare type name ({@code string}, {@code integer}, ...) or a type without value gives
     * that type's empty value, as wskdeploy and aio do.
     */
    private static Map<String, JsonNode> inputs(YamlNode.Mapping owner, String key) throws ProjectLoadException {
        YamlNode.Mapping map = mapping(owner.get(key), owner.keyAt(key), "'" + key + "'");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            out.put(e.getKey(), inputValue(e.getValue()));
        }
        return out;
    }

    private static JsonNode inputValue(YamlNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node instanceof YamlNode.Mapping m && !m.entries().isEmpty()
                && PARAMETER_FIELDS.containsAll(m.entries().keySet())
                && (m.has("type") || m.has("value") || m.has("default"))) {
            if (m.get("value") != null) {
                return m.get("value").toJson();
            }
            if (m.get("default") != null) {
                return m.get("default").toJson();
            }
            JsonNode type = m.get("type") == null ? null : m.get("type").toJson();
            JsonNode empty = type == null ? null : TYPE_DEFAULTS.get(type.asText().toLowerCase(Locale.ROOT));
            return empty == null ? JsonNodeFactory.instance.nullNode() : empty.deepCopy();
        }
        if (node instanceof YamlNode.Scalar s && s.value().isTextual() && TYPE_DEFAULTS.containsKey(s.text())) {
            return TYPE_DEFAULTS.get(s.text()).deepCopy();
        }
        return node.toJson();
    }

    /** What one package collects from every manifest that lists it. */
    private static final class PackageParts {
        final String name;
        final SourcePosition declaredAt;
        final Map<String, JsonNode> inputs = new LinkedHashMap<>();
        final Map<String, JsonNode> annotations = new LinkedHashMap<>();
        final List<ProjectAction> actions = new ArrayList<>();
        final List<ProjectSequence> sequences = new ArrayList<>();
        final List<ProjectTrigger> triggers = new ArrayList<>();
        final List<ProjectRule> rules = new ArrayList<>();
        final Map<String, SourcePosition> names = new HashMap<>();

        PackageParts(String name, SourcePosition declaredAt) {
            this.name = name;
            this.declaredAt = declaredAt;
        }

        /** Actions and sequences share one name space within a package. */
        void claim(String entity, SourcePosition at) throws ProjectLoadException {
            SourcePosition before = names.putIfAbsent(entity, at);
            if (before != null) {
                throw new ProjectLoadException(at, "'" + entity + "' is declared twice in package '" + name
                        + "' (also at " + before + ")");
            }
        }

        ProjectPackage build() {
            return new ProjectPackage(name, inputs, annotations, actions, sequences, triggers, rules, declaredAt);
        }
    }
}
