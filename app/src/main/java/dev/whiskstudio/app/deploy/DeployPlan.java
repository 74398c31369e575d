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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sync plan of a project cut to a {@link DeployScope}, and the packages whose extra actions a deploy may delete.
 * Each trigger with a feed is given an annotation holding a digest of what its feed is created with, so that a
 * changed feed input shows as a changed trigger: the feed itself cannot be read back.
 *
 * @param plan          the writes, in order
 * @param extrasIn      the packages in which actions the project no longer defines count as extra
 */
record DeployPlan(SyncPlan plan, List<String> extrasIn) {
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
        List<SyncStep> steps = withFeedDigests(full.steps()).stream().filter(inScope(project, scope)).toList();
        boolean found = switch (scope.kind()) {
            case PROJECT -> true;
            case PACKAGE -> project.findPackage(scope.name()).isPresent();
            case ACTION -> steps.stream().anyMatch(s -> s.kind() == EntityKind.ACTION || s.kind() == EntityKind.SEQUENCE);
        };
        if (!found) {
            throw new IllegalArgumentException("The project has no " + scope.describe() + ".");
        }
        List<String> extrasIn = switch (scope.kind()) {
            case PROJECT -> project.packages().stream().filter(p -> !p.isDefault()).map(ProjectPackage::name).toList();
            case PACKAGE -> ProjectPackage.DEFAULT.equals(scope.name()) ? List.of() : List.of(scope.name());
            case ACTION -> List.of();
        };
        return new DeployPlan(new SyncPlan(full.namespace(), steps, full.warnings()), extrasIn);
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

    private static List<SyncStep> withFeedDigests(List<SyncStep> steps) {
        List<SyncStep> out = new ArrayList<>();
        for (SyncStep step : steps) {
            SyncStep s = step;
            if (s.kind() == EntityKind.TRIGGER) {
                Optional<SyncStep> feed = steps.stream()
                        .filter(f -> f.kind() == EntityKind.FEED && f.name().equals(step.name())).findFirst();
                if (feed.isPresent()) {
                    ObjectNode body = (ObjectNode) s.body();
                    ArrayNode annotations = body.withArray("annotations");
                    annotations.addObject().put("key", FEED_DIGEST).put("value", digest(feed.get().body()));
                    s = new SyncStep(s.kind(), s.namespace(), s.name(), body, s.dependsOn());
                }
            }
            out.add(s);
        }
        return out;
    }

    /** SHA-256 of the feed's body: it changes with any input, and says nothing of an input's value. */
    static String digest(JsonNode feedBody) {
        try {
            byte[] bytes = JSON.writeValueAsString(feedBody).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a feed's inputs", e);
        }
    }
}
