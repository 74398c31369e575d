package dev.whiskstudio.sim.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What an action runs: code of a runtime kind, or a sequence of other actions.
 *
 * @param components fully qualified names of a sequence's actions (empty for code)
 */
public record Exec(String kind, String code, boolean binary, String main, List<QualifiedName> components) {

    public boolean isSequence() {
        return RuntimeManifest.SEQUENCE.equals(kind);
    }

    /**
     * Reads the {@code exec} of a PUT body. An unknown kind throws {@link UnknownKindException}; a wrong shape is
     * malformed. Sequence components are resolved against the caller's namespace.
     */
    public static Exec parse(JsonNode node, RuntimeManifest manifest, String namespace) {
        if (!node.isObject()) {
            throw new MalformedEntityException("JSON object expected");
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new MalformedEntityException("'kind' must be a string defined in 'exec'");
        }
        String requested = kindNode.asText().trim().toLowerCase(java.util.Locale.ROOT);
        if (RuntimeManifest.SEQUENCE.equals(requested)) {
            return parseSequence(node, namespace);
        }
        String kind = manifest.resolve(requested);
        if (kind == null) {
            throw new UnknownKindException(requested, manifest.validKinds());
        }
        JsonNode code = node.get("code");
        if (code == null || !code.isTextual()) {
            throw new MalformedEntityException("'code' must be a string or attachment object defined in 'exec' for '"
                    + requested + "' actions");
        }
        JsonNode main = node.get("main");
        if (main != null && !main.isNull() && !main.isTextual()) {
            throw new MalformedEntityException("if defined, 'main' be a string in 'exec' for '" + requested + "' actions");
        }
        boolean binary = isBinaryCode(code.asText());
        return new Exec(kind, code.asText(), binary, main == null || main.isNull() ? null : main.asText(), List.of());
    }

    private static Exec parseSequence(JsonNode node, String namespace) {
        JsonNode comps = node.get("components");
        if (comps == null) {
            throw new MalformedEntityException("'components' must be defined for sequence kind");
        }
        if (!comps.isArray()) {
            throw new MalformedEntityException("'components' must be an array");
        }
        List<QualifiedName> names = new ArrayList<>();
        for (JsonNode c : comps) {
            if (!c.isTextual()) {
                throw new MalformedEntityException("sequence components must be action names");
            }
            names.add(QualifiedName.parseFullyQualified(c.asText(), namespace));
        }
        return new Exec(RuntimeManifest.SEQUENCE, null, false, null, List.copyOf(names));
    }

    private static final java.util.regex.Pattern BASE64 =
            java.util.regex.Pattern.compile("^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$");

    /** The platform's rule: code is binary (a base64 zip) when all of it, trimmed, is base64. */
    public static boolean isBinaryCode(String code) {
        String trimmed = code.trim();
        return !trimmed.isEmpty() && trimmed.length() % 4 == 0 && BASE64.matcher(trimmed).matches();
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", kind);
        if (isSequence()) {
            ArrayNode comps = o.putArray("components");
            components.forEach(c -> comps.add(c.fullyQualified()));
        } else {
            o.put("code", code);
            o.put("binary", binary);
            if (main != null) {
                o.put("main", main);
            }
        }
        return o;
    }

    public static Exec fromJson(JsonNode o) {
        String kind = o.path("kind").asText();
        if (RuntimeManifest.SEQUENCE.equals(kind)) {
            List<QualifiedName> comps = new ArrayList<>();
            o.path("components").forEach(c -> comps.add(QualifiedName.parse(c.asText(), null)));
            return new Exec(kind, null, false, null, List.copyOf(comps));
        }
        return new Exec(kind, o.path("code").asText(), o.path("binary").asBoolean(),
                o.hasNonNull("main") ? o.get("main").asText() : null, List.of());
    }

    /** Size of the exec as the platform counts it for the code-size limit: code and main, in UTF-8 bytes. */
    public long size() {
        long size = code == null ? 0 : code.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return size + (main == null ? 0 : main.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
