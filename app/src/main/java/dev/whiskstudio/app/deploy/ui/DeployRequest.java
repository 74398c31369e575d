package dev.whiskstudio.app.deploy.ui;

import dev.whiskstudio.app.deploy.DeployScope;
import dev.whiskstudio.app.deploy.Deployer;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.UserTargets;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What the deploy dialog is opened with.
 *
 * @param targets     the targets to choose from, the preselected one first
 * @param executor    where the network work runs (never the FX thread)
 * @param environment the process environment for {@code $VAR}s
 * @param userTargets where a key typed into the dialog is kept when the user asks; null: not offered
 * @param deployers   opens a deployer for a target ({@link Deployer#open(TargetEntry)}; tests give their own)
 */
public record DeployRequest(Project project, DeployScope scope, List<TargetEntry> targets, Executor executor,
                            Map<String, String> environment, UserTargets userTargets,
                            Function<TargetEntry, Deployer> deployers) {

    public DeployRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(executor, "executor");
        targets = List.copyOf(targets);
        environment = Map.copyOf(environment);
        deployers = deployers == null ? Deployer::open : deployers;
    }

    /** With the process environment and the usual deployer. */
    public static DeployRequest of(Project project, DeployScope scope, List<TargetEntry> targets, Executor executor,
                                   UserTargets userTargets) {
        return new DeployRequest(project, scope, targets, executor, System.getenv(), userTargets, null);
    }
}
