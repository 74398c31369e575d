package dev.whiskstudio.app.deploy.cli;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.deploy.SavedKeys;
import dev.whiskstudio.app.workspace.env.UserEnvironment;
import dev.whiskstudio.app.workspace.targets.TargetCatalog;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import dev.whiskstudio.app.workspace.targets.TargetListing;
import dev.whiskstudio.app.workspace.targets.TargetSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which target the command deploys to: {@code --apihost} with a key from a variable (optionally kept for next time),
 * else {@code --target NAME} among the known ones, else the project's aio {@code .env}, else {@code ~/.wskprops}.
 */
final class TargetChoice {
    private final UserEnvironment user;
    private final TargetCatalog catalog;
    private final PrintStream out;

    TargetChoice(UserEnvironment user, TargetCatalog catalog, PrintStream out) {
        this.user = user;
        this.catalog = catalog;
        this.out = out;
    }

    TargetEntry choose(DeployArgs args, Path projectFolder) throws IOException {
        TargetListing listing = catalog.list(null, projectFolder);
        listing.problems().forEach(p -> out.println("note: " + p));
        if (args.apiHost() != null) {
            return given(args, listing);
        }
        TargetEntry chosen;
        if (args.target() != null) {
            chosen = listing.targets().stream()
                    .filter(t -> t.name().equals(args.target()) || t.id().equals(args.target())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no target named '" + args.target() + "'; "
                            + known(listing)));
        } else {
            chosen = first(listing, TargetSource.AIO_PROJECT).or(() -> first(listing, TargetSource.WSKPROPS))
                    .orElseThrow(() -> new IllegalArgumentException("no target: the project has no .env with"
                            + " AIO_RUNTIME_AUTH and there is no ~/.wskprops; give --target NAME or --apihost URL; "
                            + known(listing)));
        }
        return args.namespace() == null ? chosen
                : TargetEntry.of(chosen.target(), args.namespace(), chosen.source(), chosen.origin());
    }

    private TargetEntry given(DeployArgs args, TargetListing listing) throws IOException {
        String variable = args.authEnv() != null ? args.authEnv() : DeployArgs.DEFAULT_AUTH_ENV;
        String auth = args.auth() != null ? args.auth() : user.variable(variable).orElseThrow(() ->
                new IllegalArgumentException("no key for " + args.apiHost() + ": set " + variable
                        + " (or name another variable with --auth-env)"));
        String name = args.saveTarget() != null ? args.saveTarget() : "command line";
        if (args.saveTarget() != null) {
            Optional<TargetEntry> known = SavedKeys.known(listing, args.apiHost(), auth);
            if (known.isPresent()) {
                out.println("The key is known already as target '" + known.get().name() + "'; nothing saved.");
            } else {
                TargetEntry saved = SavedKeys.saveIfNew(listing, catalog.userTargets(), name, args.apiHost(), auth,
                        args.namespace());
                out.println("The key is kept as target '" + saved.name() + "' in " + catalog.userTargets().file()
                        + " (owner-only); next time: --target '" + saved.name() + "'.");
            }
        }
        return TargetEntry.of(new Target(name, args.apiHost(), auth), args.namespace(), TargetSource.USER, null);
    }

    private static Optional<TargetEntry> first(TargetListing listing, TargetSource source) {
        List<TargetEntry> from = listing.from(source);
        return from.isEmpty() ? Optional.empty() : Optional.of(from.get(0));
    }

    private static String known(TargetListing listing) {
        return listing.targets().isEmpty() ? "no target is known"
                : "known: " + listing.targets().stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
    }
}
