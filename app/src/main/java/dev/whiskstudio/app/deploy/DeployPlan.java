package dev.whiskstudio.app.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectPackage;
import dev.whiskstudio.app.workspace.project.ProjectRule;
import dev.whiskstudio.app.workspace.project.ProjectTrigger;
import dev.whiskstudio.app.workspace.sync.EntityKind;
import dev.whiskstudio.app.workspace.sync.SyncPlan;
import dev.whiskstudio.app.workspace.sync.SyncPlanner;
import dev.whiskstudio.app.workspace.sync.SyncStep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sync plan of a project cut to a {@link DeployScope}, and where its extra entities are looked for. Every entity
 * it writes carries the project's {@link ProjectStamp}. A trigger with a feed is compared with an annotation holding
 * a digest of what its feed is created with, so that a changed feed input shows as a changed trigger (the feed
 * itself cannot be read back); the trigger is written without it, and the digest is added only once the feed's
 * CREATE succeeded, so a feed that failed or was cancelled shows as changed again next time.
 *
 * @param plan     the writes, in order (triggers without their feed digest)
 * @param scope    what the deploy covers
 * @param extrasIn for a package scope, the package in which actions the project no longer defines count as extra
 * @param stamp    the project's mark
 */
record DeployPlan(SyncPlan plan, DeployScope scope, List<String> extrasIn, ProjectStamp stamp) {
    /** The annotation with the digest of a trigger's feed and its inputs. */
    static final String FEED_DIGEST = "whisk-studio-feed-digest";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param namespace the target's namespace, resolved (so sequence components read as the target stores them)
     * @throws IllegalArgumentException when the scope names no package or action of the project
     */
    static DeployPlan of(Project project, DeployScope scope, String namespace, Map<String, String> environment)
            throws IOException {
        SyncPlan full = SyncPlanner.plan(project, namespace, environment);
        ProjectStamp stamp = ProjectStamp.of(project);
        List<SyncStep> steps = full.steps().stream().filter(inScope(project, scope)).map(s -> stamped(s, stamp))
                .toList();
        boolean found = switch (scope.kind()) {
            case PROJECT -> true;
            case PACKAGE -> project.findPackage(scope.name()).isPresent();
            case ACTION -> steps.stream().anyMatch(s -> s.kind() == EntityKind.ACTION || s.kind() == EntityKind.SEQUENCE);
        };
        if (!found) {
            throw new IllegalArgumentException("The project has no " + scope.describe() + ".");
        }
        List<String> extrasIn = scope.kind() == DeployScope.Kind.PACKAGE && !ProjectPackage.DEFAULT.equals(scope.name())
                ? List.of(scope.name()) : List.of();
        return new DeployPlan(new SyncPlan(full.namespace(), steps, full.warnings()), scope, extrasIn, stamp);
    }

    /** The step with the project's stamp among its annotations (a feed has none: it is no entity). */
    private static SyncStep stamped(SyncStep step, ProjectStamp stamp) {
        if (step.kind() == EntityKind.FEED) {
            return step;
        }
        ObjectNode body = (ObjectNode) step.body();
        ArrayNode annotations = body.withArray("annotations");
        for (int i = annotations.size() - 1; i >= 0; i--) {
            if (ProjectStamp.KEY.equals(annotations.get(i).path("key").asText())) {
                annotations.remove(i);
            }
        }
        annotations.addObject().put("key", ProjectStamp.KEY).set("value", stamp.value());
        return new SyncStep(step.kind(), step.namespace(), step.name(), body, step.dependsOn());
    }

    /** The feed step of a trigger, if it has one. */
    Optional<SyncStep> feedOf(String trigger) {
        return plan.steps().stream().filter(f -> f.kind() == EntityKind.FEED && f.name().equals(trigger)).findFirst();
    }

    /**
     * The body the target should hold for a step once the deploy is done: for a trigger with a feed, with the
     * digest of the feed's inputs.
     */
    JsonNode expected(SyncStep step) {
        if (step.kind() != EntityKind.TRIGGER) {
            return step.body();
        }
        return feedOf(step.name()).map(feed -> withDigest(step.body(), feed.body())).orElse(step.body());
    }

    /** A trigger's body with the digest of its feed's body (any other digest it has replaced). */
    static JsonNode withDigest(JsonNode triggerBody, JsonNode feedBody) {
        ObjectNode body = (ObjectNode) triggerBody.deepCopy();
        ArrayNode annotations = body.withArray("annotations");
        for (int i = annotations.size() - 1; i >= 0; i--) {
            if (FEED_DIGEST.equals(annotations.get(i).path("key").asText())) {
                annotations.remove(i);
            }
        }
        annotations.addObject().put("key", FEED_DIGEST).put("value", digest(feedBody));
        return body;
    }

    private static java.util.function.Predicate<SyncStep> inScope(Project project, DeployScope scope) {
        return switch (scope.kind()) {
            case PROJECT -> s -> true;
            case PACKAGE -> {
                Optional<ProjectPackage> pkg = project.findPackage(scope.name());
                Set<String> triggers = pkg.map(p -> p.triggers().stream().map(ProjectTrigger::name)
                        .collect(Collectors.toSet())).orElse(Set.of());
                Set<String> rules = pkg.map(p -> p.rules().stream().map(ProjectRule::name)
                        .collect(Collectors.toSet())).orElse(Set.of());
                String prefix = ProjectPackage.DEFAULT.equals(scope.name()) ? null : scope.name() + "/";
                yield s -> switch (s.kind()) {
                    case PACKAGE -> s.name().equals(scope.name());
                    case ACTION, SEQUENCE -> prefix == null ? !s.name().contains("/") : s.name().startsWith(prefix);
                    case TRIGGER, FEED -> triggers.contains(s.name());
                    case RULE -> rules.contains(s.name());
                };
            }
            case ACTION -> s -> switch (s.kind()) {
                case PACKAGE -> s.name().equals(scope.actionPackage());
                case ACTION, SEQUENCE -> s.name().equals(scope.name());
                default -> false;
            };
        };
    }

    /**
     * SHA-256 of the feed's name and inputs: it changes with any input, and says nothing of an input's value. What
     * the deploy adds to the step for itself (the feed it replaces) is not part of it.
     */
    static String digest(JsonNode feedBody) {
        try {
            ObjectNode what = JSON.createObjectNode();
            what.set("feed", feedBody.path("feed"));
            what.set("parameters", feedBody.path("parameters"));
            byte[] bytes = JSON.writeValueAsString(what).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a feed's inputs", e);
        }
    }
}
