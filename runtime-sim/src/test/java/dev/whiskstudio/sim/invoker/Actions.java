package dev.whiskstudio.sim.invoker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Action bodies for invocation tests. */
final class Actions {
    private Actions() {
    }

    /** A PUT body for an inline nodejs:20 action with optional limits JSON. */
    static String action(String code, String limits) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode exec = body.putObject("exec");
        exec.put("kind", "nodejs:20");
        exec.put("code", code);
        if (limits != null) {
            try {
                body.set("limits", new com.fasterxml.jackson.databind.ObjectMapper().readTree(limits));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return body.toString();
    }

    static String action(String code) {
        return action(code, null);
    }

    /** Counts its calls in module state: 1, 2, 3 in one warm container. */
    static final String COUNTER = "let n = 0; function main() { n++; return { n: n, pid: process.pid }; }";
    static final String ECHO = "function main(p) { return p; }";
}
