package dev.whiskstudio.app.deploy.cli;

import dev.whiskstudio.app.deploy.AuthFailure;
import dev.whiskstudio.app.deploy.Change;
import dev.whiskstudio.app.deploy.DeployPreview;
import dev.whiskstudio.app.deploy.DeployResult;
import dev.whiskstudio.app.deploy.Deployer;
import dev.whiskstudio.app.deploy.RetryPolicy;
import dev.whiskstudio.app.workspace.env.UserEnvironment;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.project.ProjectLoadException;
import dev.whiskstudio.app.workspace.project.ProjectLoader;
import dev.whiskstudio.app.workspace.targets.TargetCatalog;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.UserTargets;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code deploy}: loads the project, picks the target, prints the preview, asks (unless {@code --yes} or
 * {@code --dry-run}), deploys with progress per entity, and answers the exit code. Output goes to {@code out},
 * problems to {@code err}; the key is only ever printed masked.
 */
public final class DeployCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;

    private final UserEnvironment user;
    private final PrintStream out;
    private final PrintStream err;
    /** Asks "deploy?" and answers yes or no; null when there is no one to ask (no terminal). */
    private final Supplier<Boolean> confirm;
    private final RetryPolicy retryPolicy;

    public DeployCommand(UserEnvironment user, PrintStream out, PrintStream err, Supplier<Boolean> confirm,
                         RetryPolicy retryPolicy) {
        this.user = user;
        this.out = out;
        this.err = err;
        this.confirm = confirm;
        this.retryPolicy = retryPolicy;
    }

    public int run(String... args) {
        DeployArgs parsed;
        try {
            parsed = DeployArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("deploy: " + e.getMessage());
            err.println(DeployArgs.USAGE);
            return USAGE;
        }
        if (parsed.help()) {
            out.println(DeployArgs.USAGE);
            return OK;
        }
        try {
            return deploy(parsed);
        } catch (ProjectLoadException e) {
            err.println("deploy: the project cannot be read: " + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("deploy: " + e.getMessage());
            return USAGE;
        } catch (AuthFailure e) {
            err.println("deploy: " + e.error());
            return REFUSED;
        } catch (IOException e) {
            err.println("deploy: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return REFUSED;
        }
    }

    private int deploy(DeployArgs args) throws IOException {
        Project project = ProjectLoader.load(args.project().toAbsolutePath().normalize());
        TargetCatalog catalog = new TargetCatalog(user, UserTargets.in(user));
        TargetEntry target = new TargetChoice(user, catalog, out).choose(args, project.folder());
        PreviewPrinter printer = new PreviewPrinter(out);
        try (Deployer deployer = Deployer.open(target, retryPolicy, List.of())) {
            out.println("Deploying " + args.scope().describe() + " of " + project.folder() + " to " + target.name()
                    + " (" + target.apiHost() + ", key " + target.maskedAuth() + ")");
            DeployPreview preview = deployer.preview(project, args.scope(), user.variables(), () -> false);
            out.println("Namespace " + preview.namespace() + ":");
            printer.preview(preview, args.deleteExtra());
            if (args.dryRun()) {
                out.println("Dry run: nothing was sent.");
                return OK;
            }
            if (preview.upToDate() && (!args.deleteExtra() || preview.count(Change.DELETE) == 0)) {
                out.println("Nothing to deploy: the target is up to date.");
                return OK;
            }
            List<String> missing = preview.missingVariables();
            if (args.yes() && !missing.isEmpty() && !args.allowMissingVars()) {
                err.println("deploy: nothing deployed: " + (missing.size() == 1 ? "the variable " : "the variables ")
                        + missing.stream().map(v -> "$" + v).collect(java.util.stream.Collectors.joining(", "))
                        + (missing.size() == 1 ? " is" : " are") + " not set in the environment or in .env;"
                        + " set them, or add --allow-missing-vars to send them as empty strings");
                return USAGE;
            }
            if (!args.yes()) {
                Boolean answer = confirm == null ? null : confirm.get();
                if (answer == null) {
                    err.println("deploy: nothing deployed: add --yes to deploy without being asked (there is no"
                            + " terminal to ask on)");
                    return USAGE;
                }
                if (!answer) {
                    out.println("Nothing deployed.");
                    return OK;
                }
            }
            DeployResult result = deployer.deploy(preview, args.deleteExtra(), printer::finished, () -> false);
            out.println(result.summary());
            if (result.stopReason() != null) {
                err.println("deploy: " + result.stopReason());
                return REFUSED;
            }
            return result.succeeded() ? OK : FAILED;
        }
    }
}
