package dev.whiskstudio.app.deploy.cli;

import dev.whiskstudio.app.deploy.DeployScope;

import java.nio.file.Path;

/**
 * The command line of {@code deploy}, parsed. {@link #parse} throws {@link IllegalArgumentException} with a sentence
 * for a person when it is wrong.
 *
 * @param authEnv the variable to read the key from (so the key stays out of the process list and shell history)
 */
record DeployArgs(Path project, String target, String apiHost, String auth, String authEnv, String namespace,
                  DeployScope scope, boolean dryRun, boolean deleteExtra, boolean yes, boolean allowMissingVars,
                  String saveTarget, boolean help) {
    /** Read when {@code --apihost} is given with neither {@code --auth} nor {@code --auth-env}. */
    static final String DEFAULT_AUTH_ENV = "WSK_AUTH";

    static final String USAGE = """
            usage: java -jar whisk-deploy.jar deploy [options]
              --project DIR        the project folder (manifest.yml or app.config.yaml); default: the current folder
              --target NAME        a known target: from ~/.wskprops, the project's .env, or ~/.whisk-studio/targets.json
              --apihost URL        a cluster given here instead, with
              --auth-env VAR       the variable holding its key (default WSK_AUTH), or --auth KEY
              --namespace NS       the namespace (default: the key's own)
              --save-target NAME   keep the --apihost key as target NAME (owner-only file), unless already known
              --scope SCOPE        project (default), package:PACKAGE or action:PACKAGE/ACTION
              --dry-run            print the preview only; send nothing
              --delete-extra       also delete entities marked as this project's (whisk-managed) that it no longer
                                   defines: rules, triggers (their feeds told first), sequences, actions, packages;
                                   one a sequence still uses is kept
              --yes                deploy without asking; refused (exit 2) when a $VAR the project uses is not set
              --allow-missing-vars with --yes, deploy even so (an unset $VAR is sent as an empty string)
            exit codes: 0 deployed (or nothing to do), 1 some entities failed or were skipped, 2 wrong usage or
            project, 3 the key was refused or the target cannot be reached""";

    static DeployArgs parse(String[] args) {
        if (args.length == 0 || !"deploy".equals(args[0])) {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
                return new DeployArgs(Path.of("."), null, null, null, null, null, DeployScope.project(), false, false,
                        false, false, null, true);
            }
            throw new IllegalArgumentException("the command is 'deploy'");
        }
        Path project = Path.of(".");
        String target = null;
        String apiHost = null;
        String auth = null;
        String authEnv = null;
        String namespace = null;
        DeployScope scope = DeployScope.project();
        boolean dryRun = false;
        boolean deleteExtra = false;
        boolean yes = false;
        boolean allowMissingVars = false;
        boolean help = false;
        String saveTarget = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--dry-run" -> dryRun = true;
                case "--delete-extra" -> deleteExtra = true;
                case "--yes", "-y" -> yes = true;
                case "--allow-missing-vars" -> allowMissingVars = true;
                case "--help", "-h" -> help = true;
                case "--project" -> project = Path.of(value(args, ++i, a));
                case "--target" -> target = value(args, ++i, a);
                case "--apihost" -> apiHost = value(args, ++i, a);
                case "--auth" -> auth = value(args, ++i, a);
                case "--auth-env" -> authEnv = value(args, ++i, a);
                case "--namespace" -> namespace = value(args, ++i, a);
                case "--scope" -> scope = DeployScope.parse(value(args, ++i, a));
                case "--save-target" -> saveTarget = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (target != null && apiHost != null) {
            throw new IllegalArgumentException("give --target or --apihost, not both");
        }
        if (apiHost == null && (auth != null || authEnv != null || saveTarget != null)) {
            throw new IllegalArgumentException("--auth, --auth-env and --save-target go with --apihost");
        }
        if (auth != null && authEnv != null) {
            throw new IllegalArgumentException("give --auth or --auth-env, not both");
        }
        return new DeployArgs(project, target, apiHost, auth, authEnv, namespace, scope, dryRun, deleteExtra, yes,
                allowMissingVars, saveTarget, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Without the key. */
    @Override
    public String toString() {
        return "DeployArgs[project=" + project + ", target=" + target + ", apiHost=" + apiHost + ", scope=" + scope
                + ", auth=" + (auth == null ? "none" : "given") + "]";
    }
}
