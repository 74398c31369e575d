package dev.whiskstudio.app.workspace.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.workspace.project.ActionLimits;
import dev.whiskstudio.app.workspace.project.ActionSource;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectAction;
import dev.whiskstudio.app.workspace.project.ProjectLoadException;
import dev.whiskstudio.app.workspace.project.ProjectPackage;
import dev.whiskstudio.app.workspace.project.ProjectRule;
import dev.whiskstudio.app.workspace.project.ProjectSequence;
import dev.whiskstudio.app.workspace.project.ProjectTrigger;
import dev.whiskstudio.app.workspace.project.WebExport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link SyncPlan} of a project: no network, nothing written; it reads the action sources, so that the
 * plan holds exactly the code that will be sent. Order: packages, actions, sequences (each after the sequences it
 * contains), triggers (each followed by its feed), rules. The bodies follow what wskdeploy and aio send: a file's
 * code inline with its kind and main, a folder zipped and base64-encoded as binary, inputs as parameters,
 * {@code web-export}/{@code raw-http} annotations (and {@code final: true} for a web action), the limits the
 * manifest sets.
 */
public final class SyncPlanner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Project project;
    private final String namespace;
    private final Variables variables;
    private final List<SyncStep> steps = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** Full name of each action and sequence in the plan → its step id, to find what a step depends on. */
    private final Map<String, String> actionIds = new HashMap<>();

    private SyncPlanner(Project project, String namespace, Map<String, String> environment) {
        this.project = project;
        this.namespace = namespace == null || namespace.isBlank() ? "_" : namespace.strip();
        this.variables = new Variables(environment, project.env());
    }

    /**
     * The plan to sync {@code project} into {@code namespace}.
     *
     * @param namespace   {@code _} for the key's own
     * @param environment the process environment ({@code System.getenv()}), which wins over the project's .env
     * @throws IOException when an action's source can no longer be read (say, deleted since the project was loaded)
     */
    public static SyncPlan plan(Project project, String namespace, Map<String, String> environment) throws IOException {
        return new SyncPlanner(project, namespace, environment).build();
    }

    private SyncPlan build() throws IOException {
        for (ProjectPackage p : project.packages()) {
            if (!p.isDefault()) {
                ObjectNode body = NODES.objectNode();
                body.set("parameters", keyValues(p.inputs(), "package " + p.name()));
                body.set("annotations", keyValues(p.annotations()));
                body.put("publish", false);
                steps.add(new SyncStep(EntityKind.PACKAGE, namespace, p.name(), body, List.of()));
            }
        }
        for (ProjectAction a : project.actions()) {
            SyncStep step = new SyncStep(EntityKind.ACTION, namespace, a.qualifiedName(), action(a), packageOf(a.packageName()));
            actionIds.put(step.fullName(), step.id());
            steps.add(step);
        }
        for (ProjectSequence s : sequencesInOrder()) {
            String fullName = "/" + namespace + "/" + s.qualifiedName();
            List<String> components = s.components().stream().map(this::fullName).toList();
            List<String> needs = new ArrayList<>(packageOf(s.packageName()));
            components.stream().map(actionIds::get).filter(id -> id != null && !needs.contains(id)).forEach(needs::add);
            ObjectNode body = NODES.objectNode();
            ObjectNode exec = body.putObject("exec");
            exec.put("kind", "sequence");
            ArrayNode list = exec.putArray("components");
            components.forEach(list::add);
            body.set("annotations", annotations(s.annotations(), s.web()));
            SyncStep step = new SyncStep(EntityKind.SEQUENCE, namespace, s.qualifiedName(), body, needs);
            actionIds.put(fullName, step.id());
            steps.add(step);
        }
        Map<String, String> triggerIds = new HashMap<>();
        for (ProjectTrigger t : project.triggers()) {
            SyncStep trigger = trigger(t);
            steps.add(trigger);
            triggerIds.put(trigger.fullName(), trigger.id());
            if (t.feed() != null) {
                ObjectNode body = NODES.objectNode();
                body.put("feed", feedName(t.feed()));
                body.set("parameters", parameterObject(t.inputs(), "trigger " + t.name()));
                steps.add(new SyncStep(EntityKind.FEED, namespace, t.name(), body, List.of(trigger.id())));
            }
        }
        for (ProjectRule r : project.rules()) {
            String trigger = r.trigger().startsWith("/") ? r.trigger() : "/" + namespace + "/" + r.trigger();
            String action = fullName(r.action());
            List<String> needs = new ArrayList<>();
            if (triggerIds.containsKey(trigger)) {
                needs.add(triggerIds.get(trigger));
            }
            if (actionIds.containsKey(action)) {
                needs.add(actionIds.get(action));
            }
            ObjectNode body = NODES.objectNode();
            body.put("trigger", trigger);
            body.put("action", action);
            steps.add(new SyncStep(EntityKind.RULE, namespace, r.name(), body, needs));
        }
        return new SyncPlan(namespace, steps, warnings);
    }

    private List<String> packageOf(String pkg) {
        return ProjectPackage.DEFAULT.equals(pkg) ? List.of()
                : List.of(EntityKind.PACKAGE.word() + ":/" + namespace + "/" + pkg);
    }

    /** {@code pkg/a} → {@code /ns/pkg/a}; a fully qualified name stays. */
    private String fullName(String reference) {
        return reference.startsWith("/") ? reference : "/" + namespace + "/" + reference;
    }

    private String feedName(String feed) {
        if (feed.startsWith("/")) {
            return feed;
        }
        return feed.split("/").length == 3 ? "/" + feed : "/" + namespace + "/" + feed;
    }

    private ObjectNode action(ProjectAction a) throws IOException {
        String where = "action " + a.qualifiedName();
        ObjectNode body = NODES.objectNode();
        ObjectNode exec = body.putObject("exec");
        exec.put("kind", a.runtime());
        ActionSource source = a.source();
        try {
            switch (source.kind()) {
                case FILE -> exec.put("code", Files.readString(source.path(), StandardCharsets.UTF_8));
                case INLINE -> exec.put("code", source.inlineCode());
                case DIRECTORY -> exec.put("code", Base64.getEncoder().encodeToString(ActionZipper.zip(source.path())));
                case ZIP -> exec.put("code", Base64.getEncoder().encodeToString(Files.readAllBytes(source.path())));
            }
        } catch (NoSuchFileException e) {
            throw new ProjectLoadException(source.path(), "the code of " + where
                    + " is gone since the project was opened; reload the project");
        }
        exec.put("binary", source.binary());
        if (a.main() != null && !a.main().isBlank()) {
            exec.put("main", a.main());
        }
        body.set("parameters", keyValues(a.inputs(), where));
        body.set("annotations", annotations(a.annotations(), a.web()));
        ObjectNode limits = limits(a.limits());
        if (!limits.isEmpty()) {
            body.set("limits", limits);
        }
        return body;
    }

    private static ObjectNode limits(ActionLimits l) {
        ObjectNode limits = NODES.objectNode();
        if (l.timeoutMs() != null) {
            limits.put("timeout", l.timeoutMs());
        }
        if (l.memoryMb() != null) {
            limits.put("memory", l.memoryMb());
        }
        if (l.logsMb() != null) {
            limits.put("logs", l.logsMb());
        }
        if (l.concurrency() != null) {
            limits.put("concurrency", l.concurrency());
        }
        return limits;
    }

    /**
     * The manifest's annotations, then {@code web-export} and {@code raw-http} always (so that turning web off
     * takes effect on an update, whose annotations merge with the old ones), and {@code final: true} for a web
     * action unless the manifest says otherwise.
     */
    private static ArrayNode annotations(Map<String, JsonNode> given, WebExport web) {
        Map<String, JsonNode> all = new LinkedHashMap<>(given);
        all.put("web-export", NODES.booleanNode(web.exported()));
        all.put("raw-http", NODES.booleanNode(web == WebExport.RAW));
        if (web.exported()) {
            all.putIfAbsent("final", NODES.booleanNode(true));
        }
        return keyValues(all);
    }

    private SyncStep trigger(ProjectTrigger t) {
        ObjectNode body = NODES.objectNode();
        Map<String, JsonNode> annotations = new LinkedHashMap<>(t.annotations());
        if (t.feed() != null) {
            // as the wsk CLI does: the inputs go to the feed, the trigger records which feed it has
            annotations.put("feed", NODES.textNode(feedName(t.feed())));
            body.putArray("parameters");
        } else {
            body.set("parameters", keyValues(t.inputs(), "trigger " + t.name()));
        }
        body.set("annotations", keyValues(annotations));
        return new SyncStep(EntityKind.TRIGGER, namespace, t.name(), body, List.of());
    }

    /** Inputs as the platform's {@code [{"key","value"}]}, {@code $VAR}s resolved. */
    private ArrayNode keyValues(Map<String, JsonNode> inputs, String owner) {
        ArrayNode list = NODES.arrayNode();
        inputs.forEach((k, v) -> list.addObject().put("key", k)
                .set("value", variables.resolve(v, "input '" + k + "' of " + owner, warnings)));
        return list;
    }

    private ObjectNode parameterObject(Map<String, JsonNode> inputs, String owner) {
        ObjectNode params = NODES.objectNode();
        inputs.forEach((k, v) -> params.set(k, variables.resolve(v, "input '" + k + "' of " + owner, warnings)));
        return params;
    }

    private static ArrayNode keyValues(Map<String, JsonNode> values) {
        ArrayNode list = NODES.arrayNode();
        values.forEach((k, v) -> list.addObject().put("key", k).set("value", v == null ? NODES.nullNode() : v.deepCopy()));
        return list;
    }

    /**
     * Sequences with each one after the project's sequences it contains; a cycle (which the platform refuses) is
     * broken at the point it closes, leaving the manifest's order.
     */
    private List<ProjectSequence> sequencesInOrder() {
        Map<String, ProjectSequence> byName = new LinkedHashMap<>();
        for (ProjectSequence s : project.sequences()) {
            byName.put("/" + namespace + "/" + s.qualifiedName(), s);
        }
        List<ProjectSequence> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String name : byName.keySet()) {
            place(name, byName, ordered, placed, visiting);
        }
        return ordered;
    }

    private void place(String name, Map<String, ProjectSequence> byName, List<ProjectSequence> ordered,
                       Set<String> placed, Set<String> visiting) {
        if (placed.contains(name) || !visiting.add(name)) {
            return;
        }
        ProjectSequence s = byName.get(name);
        for (String component : s.components()) {
            String full = fullName(component);
            if (byName.containsKey(full)) {
                place(full, byName, ordered, placed, visiting);
            }
        }
        visiting.remove(name);
        placed.add(name);
        ordered.add(s);
    }
}
