package dev.whiskstudio.app.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.whiskstudio.app.client.EntityCollection;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.Target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A small mix of what a developer's activations look like, on a simulator the sample project was synced to: cold
 * and warm starts, an application error, a crash, sequences, and slow activations running side by side in several
 * containers. For screenshots and demos.
 */
final class MixedWorkload {
    /** How many activations (records) it leaves, sequences' components included. */
    static final int ACTIVATIONS = 22;

    private MixedWorkload() {
    }

    static void run(Target target) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (OpenWhiskClient client = new OpenWhiskClient(target)) {
            client.put("_", EntityCollection.ACTIONS, "checkout", json.readTree("{\"exec\":{\"kind\":\"nodejs:20\","
                    + "\"code\":\"function main(p){ if(!p.cart) return {error:'no cart'}; return {total: p.cart.length*9.5} }\"}}"), true);
            client.put("_", EntityCollection.ACTIONS, "resize", json.readTree("{\"exec\":{\"kind\":\"nodejs:20\","
                    + "\"code\":\"function main(p){ console.log('resizing', p.w); return new Promise(r => setTimeout(() => r({w:p.w}), 400)) }\"}}"), true);
            client.put("_", EntityCollection.ACTIONS, "crash", json.readTree("{\"exec\":{\"kind\":\"nodejs:20\","
                    + "\"code\":\"function main(){ console.error('about to fail'); throw new Error('database down') }\"}}"), true);
            var empty = JsonNodeFactory.instance.objectNode();
            Duration wait = Duration.ofSeconds(30);
            for (int i = 0; i < 4; i++) {
                client.invoke("_", "demo/hello", json.readTree("{\"name\":\"user" + i + "\"}"), true, wait);
            }
            for (int i = 0; i < 3; i++) {
                client.invoke("_", "demo/hello-loud", empty, true, wait);
            }
            client.invoke("_", "checkout", json.readTree("{\"cart\":[1,2,3]}"), true, wait);
            client.invoke("_", "checkout", empty, true, wait);
            client.invoke("_", "checkout", json.readTree("{\"cart\":[1]}"), true, wait);
            client.invoke("_", "crash", empty, true, wait);
            List<CompletableFuture<?>> side = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int w = 100 * (i + 1);
                side.add(CompletableFuture.runAsync(() -> {
                    try {
                        client.invoke("_", "resize", json.readTree("{\"w\":" + w + "}"), true, wait);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            CompletableFuture.allOf(side.toArray(CompletableFuture[]::new)).join();
            client.invoke("_", "demo/shout", json.readTree("{\"message\":\"done\"}"), true, wait);
        }
    }
}
