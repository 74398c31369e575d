package dev.whiskstudio.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.workspace.sync.SyncStep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether what a target holds matches what a sync step would write, field by field over what the step sends. What
 * the platform adds on its own does not count as a difference: the {@code exec} and {@code provide-api-key}
 * annotations, the default limits, a package's {@code binding}, a sequence's {@code _actions} parameter, the
 * package's parameters an action's GET shows merged in, the concrete kind of a {@code :default} kind. Annotations
 * of an action are compared one by one, as the platform merges them on update (an extra one would never go away).
 * The project's stamp ({@link ProjectStamp}) counts by the project it names, not by its hash.
 */
final class EntityDiff {
    /** Annotations the platform sets by itself. */
    private static final Set<String> PLATFORM_ANNOTATIONS = Set.of("exec", "provide-api-key", "binding");

    private EntityDiff() {
    }

    /**
     * The first difference, in words ("code", "parameter greeting"), or empty when the target has the entity as the
     * step would write it.
     *
     * @param actual    the target's entity, as its GET answers
     * @param inherited for an action, the parameters of its package on the target (which the GET merges in)
     */
    static Optional<String> difference(SyncStep step, JsonNode actual, Map<String, JsonNode> inherited) {
        JsonNode wanted = step.body();
        return switch (step.kind()) {
            case PACKAGE -> first(
                    parameters(wanted, actual, Map.of()),
                    annotationsExactly(wanted, actual),
                    field("publish", wanted.path("publish").asBoolean(false), actual.path("publish").asBoolean(false)));
            case ACTION -> first(
                    exec(wanted.path("exec"), actual.path("exec")),
                    parameters(wanted, actual, inherited),
                    annotationsIncluded(wanted, actual),
                    limits(wanted.path("limits"), actual.path("limits")));
            case SEQUENCE -> first(
                    components(wanted.path("exec"), actual.path("exec")),
                    annotationsIncluded(wanted, actual));
            case TRIGGER -> first(
                    parameters(wanted, actual, Map.of()),
                    annotationsExactly(wanted, actual));
            case RULE -> first(
                    stamp(keyValues(wanted.path("annotations")).get(ProjectStamp.KEY),
                            keyValues(actual.path("annotations")).get(ProjectStamp.KEY)),
                    field("trigger", wanted.path("trigger").asText(), link(actual.path("trigger"))),
                    field("action", wanted.path("action").asText(), link(actual.path("action"))),
                    "active".equals(actual.path("status").asText("active")) ? Optional.empty()
                            : Optional.of("status " + actual.path("status").asText()));
            // a feed follows its trigger (see PreviewBuilder): it has no state of its own to read
            case FEED -> Optional.empty();
        };
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... checks) {
        for (Optional<String> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> field(String name, Object wanted, Object actual) {
        return wanted.equals(actual) ? Optional.empty() : Optional.of(name);
    }

    private static Optional<String> exec(JsonNode wanted, JsonNode actual) {
        String kind = wanted.path("kind").asText();
        String actualKind = actual.path("kind").asText();
        boolean sameKind = kind.endsWith(":default")
                ? actualKind.startsWith(kind.substring(0, kind.length() - "default".length()))
                : kind.equals(actualKind);
        if (!sameKind) {
            return Optional.of("kind");
        }
        if (!wanted.path("code").asText().equals(actual.path("code").asText())) {
            return Optional.of("code");
        }
        if (wanted.path("binary").asBoolean(false) != actual.path("binary").asBoolean(false)) {
            return Optional.of("binary");
        }
        String main = wanted.path("main").asText("main");
        return main.equals(actual.path("main").asText("main")) ? Optional.empty() : Optional.of("main");
    }

    private static Optional<String> components(JsonNode wanted, JsonNode actual) {
        JsonNode want = wanted.path("components");
        JsonNode have = actual.path("components");
        if (want.size() != have.size()) {
            return Optional.of("components");
        }
        for (int i = 0; i < want.size(); i++) {
            if (!stripSlash(want.get(i).asText()).equals(stripSlash(have.get(i).asText()))) {
                return Optional.of("components");
            }
        }
        return Optional.empty();
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** Every parameter sent has its value; any other the target has is one of the package's, inherited. */
    private static Optional<String> parameters(JsonNode wanted, JsonNode actual, Map<String, JsonNode> inherited) {
        Map<String, JsonNode> want = keyValues(wanted.path("parameters"));
        Map<String, JsonNode> have = keyValues(actual.path("parameters"));
        for (Map.Entry<String, JsonNode> e : want.entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) {
                return Optional.of("parameter " + e.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> e : have.entrySet()) {
            if (!want.containsKey(e.getKey()) && !e.getValue().equals(inherited.get(e.getKey()))) {
                return Optional.of("parameter " + e.getKey() + " (no longer in the project)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> annotationsIncluded(JsonNode wanted, JsonNode actual) {
        Map<String, JsonNode> have = keyValues(actual.path("annotations"));
        for (Map.Entry<String, JsonNode> e : keyValues(wanted.path("annotations")).entrySet()) {
            if (ProjectStamp.KEY.equals(e.getKey())) {
                Optional<String> stamp = stamp(e.getValue(), have.get(e.getKey()));
                if (stamp.isPresent()) {
                    return stamp;
                }
            } else if (!e.getValue().equals(have.get(e.getKey()))) {
                return Optional.of("annotation " + e.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * The project's stamp is compared by the project's name only: its hash changes with any edit of the manifest,
     * which alone must not make an unchanged entity an update.
     */
    private static Optional<String> stamp(JsonNode wanted, JsonNode actual) {
        if (wanted == null) {
            return Optional.empty();
        }
        String project = wanted.path("projectName").asText();
        if (actual == null || !actual.path("projectName").isTextual()) {
            return Optional.of("not marked as project " + project + "'s");
        }
        String owner = actual.path("projectName").asText();
        return owner.equals(project) ? Optional.empty() : Optional.of("marked as project " + owner + "'s");
    }

    /** For entities whose annotations an update replaces: also no extra ones but the platform's. */
    private static Optional<String> annotationsExactly(JsonNode wanted, JsonNode actual) {
        Optional<String> included = annotationsIncluded(wanted, actual);
        if (included.isPresent()) {
            return included;
        }
        Map<String, JsonNode> want = keyValues(wanted.path("annotations"));
        for (String key : keyValues(actual.path("annotations")).keySet()) {
            if (!want.containsKey(key) && !PLATFORM_ANNOTATIONS.contains(key)) {
                return Optional.of("annotation " + key + " (no longer in the project)");
            }
        }
        return Optional.empty();
    }

    /** Only the limits the project sets: the platform fills in the others, and an update keeps them. */
    private static Optional<String> limits(JsonNode wanted, JsonNode actual) {
        var names = wanted.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!wanted.get(name).equals(actual.path(name))
                    && !(wanted.get(name).canConvertToLong() && actual.path(name).canConvertToLong()
                    && wanted.get(name).asLong() == actual.path(name).asLong())) {
                return Optional.of("limit " + name);
            }
        }
        return Optional.empty();
    }

    /** A rule's {@code {"path":"guest/demo","name":"hello"}} as {@code /guest/demo/hello}. */
    private static String link(JsonNode link) {
        if (link.isTextual()) {
            return link.asText().startsWith("/") ? link.asText() : "/" + link.asText();
        }
        return "/" + link.path("path").asText() + "/" + link.path("name").asText();
    }

    static Map<String, JsonNode> keyValues(JsonNode list) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (list != null && list.isArray()) {
            list.forEach(kv -> map.put(kv.path("key").asText(), kv.path("value")));
        }
        return map;
    }
}
