package dev.whiskstudio.app.deploy.cli;

import dev.whiskstudio.app.deploy.RetryPolicy;
import dev.whiskstudio.app.workspace.env.UserEnvironment;

import java.io.Console;

/** The entry point of {@code whisk-deploy.jar}: {@code java -jar whisk-deploy.jar deploy [options]}. */
public final class DeployMain {
    private DeployMain() {
    }

    public static void main(String[] args) {
        Console console = System.console();
        DeployCommand command = new DeployCommand(UserEnvironment.current(), System.out, System.err,
                console == null ? null : () -> {
                    String answer = console.readLine("Deploy? [y/N] ");
                    return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
                }, RetryPolicy.DEFAULT);
        System.exit(command.run(args));
    }
}
