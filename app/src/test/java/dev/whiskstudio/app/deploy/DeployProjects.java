package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.workspace.Samples;

import java.nio.file.Path;

/** Projects written into a test's folder for deploying. */
final class DeployProjects {
    static final String MANIFEST = """
            packages:
              shop:
                inputs:
                  region: eu
                actions:
                  greet:
                    function: src/greet.js
                    runtime: nodejs:20
                    inputs:
                      greeting: $GREETING
                  price:
                    function: price
                    runtime: nodejs:20
                  echo:
                    code: "function main(p) { return { echo: p.text }; }"
                    runtime: nodejs:20
                sequences:
                  greet-priced:
                    actions: greet, price
                triggers:
                  nightly:
                    feed: /whisk.system/alarms/alarm
                    inputs:
                      cron: "0 3 * * *"
                rules:
                  nightly-greet:
                    trigger: nightly
                    action: greet
            """;

    private DeployProjects() {
    }

    /**
     * A package with parameters, a file action with a {@code $VAR} input, a folder action with its own
     * {@code node_modules} (zipped), an inline action, a sequence of two, an alarm trigger with its feed and a rule.
     */
    static Path shop(Path parent) {
        Path dir = parent.resolve("shop");
        Samples.write(dir, "manifest.yml", MANIFEST);
        Samples.write(dir, ".env", "GREETING=Hello\n");
        Samples.write(dir, "src/greet.js",
                "function main(p) { return { message: p.greeting + ' from ' + p.region }; }\n");
        Samples.write(dir, "price/package.json", "{\"name\":\"price\",\"main\":\"index.js\"}\n");
        Samples.write(dir, "price/index.js", """
                const tax = require('tax');
                exports.main = (p) => ({ message: p.message, price: tax.withTax(10) });
                """);
        Samples.write(dir, "price/node_modules/tax/package.json", "{\"name\":\"tax\",\"main\":\"index.js\"}\n");
        Samples.write(dir, "price/node_modules/tax/index.js", "exports.withTax = (n) => n * 1.2;\n");
        return dir;
    }
}
