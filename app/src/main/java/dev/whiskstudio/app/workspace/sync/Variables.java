package dev.whiskstudio.app.workspace.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.workspace.env.DotEnv;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $VAR} and {@code ${VAR}} in input values, alone or inside a string, in nested objects and lists too. A
 * variable's value comes from the process environment, else from the project's {@code .env}: the environment wins,
 * as with aio, which loads {@code .env} without overriding variables already set. A variable defined in neither
 * becomes an empty string, as with aio, but is reported, not silently dropped.
 */
public final class Variables {
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> environment;
    private final DotEnv dotEnv;

    public Variables(Map<String, String> environment, DotEnv dotEnv) {
        this.environment = Map.copyOf(environment);
        this.dotEnv = dotEnv == null ? DotEnv.empty() : dotEnv;
    }

    /** A variable's value: the environment's, else the {@code .env}'s. */
    public Optional<String> value(String name) {
        String v = environment.get(name);
        return v != null ? Optional.of(v) : dotEnv.get(name);
    }

    /**
     * The value with every reference replaced.
     *
     * @param where    what holds the value, for a warning ("input 'greeting' of action demo/hello")
     * @param warnings receives one sentence per undefined variable
     */
    public JsonNode resolve(JsonNode value, String where, List<String> warnings) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value.isTextual()) {
            return JsonNodeFactory.instance.textNode(substitute(value.asText(), where, warnings));
        }
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.set(f.getKey(), resolve(f.getValue(), where, warnings));
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> out.add(resolve(item, where, warnings)));
            return out;
        }
        return value.deepCopy();
    }

    private String substitute(String text, String where, List<String> warnings) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            Optional<String> v = value(name);
            if (v.isEmpty()) {
                warnings.add(where + ": $" + name + " is not set in the environment or in .env;"
                        + " it is sent as an empty string");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.orElse("")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The environment is the process's: it holds secrets. */
    @Override
    public String toString() {
        return "Variables[" + environment.size() + " environment variables, " + dotEnv + "]";
    }
}
