package dev.whiskstudio.app.workspace.targets;

import dev.whiskstudio.app.client.Target;
import dev.whiskstudio.app.workspace.env.DotEnv;
import dev.whiskstudio.app.workspace.env.UserEnvironment;
import dev.whiskstudio.app.workspace.env.WskProps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every target a user has, read afresh from the files on each {@link #list} (so a change made with the CLI shows
 * at the next refresh): the embedded simulator, the wsk CLI's cluster, the aio project's namespace, and the user's
 * own. Reading blocks on disk I/O: call it off the FX thread.
 */
public final class TargetCatalog {
    /** Adobe I/O Runtime's API host, aio's default when the {@code .env} names none. */
    public static final String AIO_DEFAULT_API_HOST = "https://adobeioruntime.net";
    public static final String AIO_AUTH = "AIO_RUNTIME_AUTH";
    public static final String AIO_NAMESPACE = "AIO_RUNTIME_NAMESPACE";
    public static final String AIO_API_HOST = "AIO_RUNTIME_APIHOST";

    private final UserEnvironment user;
    private final UserTargets userTargets;

    public TargetCatalog(UserEnvironment user, UserTargets userTargets) {
        this.user = user;
        this.userTargets = userTargets;
    }

    /** The real user's: {@code ~/.wskprops} (or {@code $WSK_CONFIG_FILE}) and {@code ~/.whisk-studio/targets.json}. */
    public static TargetCatalog forCurrentUser() {
        UserEnvironment user = UserEnvironment.current();
        return new TargetCatalog(user, UserTargets.in(user));
    }

    /** Where added targets are kept; add, update and remove go through it. */
    public UserTargets userTargets() {
        return userTargets;
    }

    /**
     * Lists the targets, the simulator first.
     *
     * @param simulator     the embedded simulator's target, or null when it is not running
     * @param projectFolder the open project, whose {@code .env} may name an Adobe I/O Runtime namespace, or null
     */
    public TargetListing list(Target simulator, Path projectFolder) {
        List<TargetEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (simulator != null) {
            entries.add(TargetEntry.of(simulator, null, TargetSource.SIMULATOR, null));
        }
        try {
            WskProps.read(user).ifPresent(props -> {
                if (props.isComplete()) {
                    entries.add(wskTarget(props));
                } else {
                    problems.add(props.file() + " has no " + (props.apiHost() == null ? "APIHOST" : "AUTH")
                            + ", so its cluster is not listed.");
                }
            });
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        if (projectFolder != null) {
            Path envFile = projectFolder.resolve(".env");
            if (Files.isRegularFile(envFile)) {
                try {
                    aioTarget(DotEnv.read(envFile), envFile).ifPresent(entries::add);
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        try {
            entries.addAll(userTargets.list());
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        return new TargetListing(entries, problems);
    }

    static TargetEntry wskTarget(WskProps props) {
        String name = "wsk: " + (props.namespace() == null ? "" : props.namespace() + " on ") + hostOf(props.apiHost());
        return TargetEntry.of(new Target(name, props.apiHost(), props.auth()), props.namespace(), TargetSource.WSKPROPS,
                props.file());
    }

    /**
     * The Adobe I/O Runtime namespace of an aio project's {@code .env}: {@code AIO_RUNTIME_AUTH},
     * {@code AIO_RUNTIME_NAMESPACE} and {@code AIO_RUNTIME_APIHOST} (names in any case, as aio reads them; the
     * host defaults to {@link #AIO_DEFAULT_API_HOST}). Empty when the file has no key.
     */
    public static Optional<TargetEntry> aioTarget(DotEnv env, Path envFile) {
        Optional<String> auth = nonBlank(env.getIgnoreCase(AIO_AUTH));
        if (auth.isEmpty()) {
            return Optional.empty();
        }
        String namespace = nonBlank(env.getIgnoreCase(AIO_NAMESPACE)).orElse(null);
        String host = nonBlank(env.getIgnoreCase(AIO_API_HOST)).orElse(AIO_DEFAULT_API_HOST);
        String name = "aio: " + (namespace == null ? "" : namespace + " on ") + hostOf(host);
        return Optional.of(TargetEntry.of(new Target(name, host, auth.get()), namespace, TargetSource.AIO_PROJECT,
                envFile));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /** {@code https://host:port/} → {@code host:port}, for a name a person reads. */
    private static String hostOf(String apiHost) {
        String host = apiHost.strip();
        int scheme = host.indexOf("://");
        host = scheme < 0 ? host : host.substring(scheme + 3);
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }
}
