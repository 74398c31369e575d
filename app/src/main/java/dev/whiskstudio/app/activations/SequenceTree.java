package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.ui.Failures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The components of a sequence or conductor activation, as a tree: the record's logs are its components' ids, in
 * order; a component that is itself a sequence has components of its own. Built by fetching the records (blocking),
 * at most {@link #MAX_NODES} of them, so a pathological composition cannot run away.
 */
final class SequenceTree {
    static final int MAX_NODES = 500;
    private static final Pattern ACTIVATION_ID = Pattern.compile("[0-9a-f]{32}");

    private SequenceTree() {
    }

    /**
     * One activation of the tree.
     *
     * @param activationId its id
     * @param row          its row, or null when its record could not be read
     * @param problem      why its record could not be read, or null
     * @param children     its components, in order
     */
    record Node(String activationId, ActivationRow row, String problem, List<Node> children) {
    }

    /** The component ids a sequence's record lists in its logs. */
    static List<String> componentIds(JsonNode record) {
        List<String> ids = new ArrayList<>();
        for (JsonNode line : record.path("logs")) {
            String text = line.asText("").strip();
            if (ACTIVATION_ID.matcher(text).matches()) {
                ids.add(text);
            }
        }
        return ids;
    }

    static Node load(RecordFetcher fetcher, JsonNode record) {
        int[] budget = {MAX_NODES};
        return node(fetcher, record.path("activationId").asText(), record, null, budget);
    }

    private static Node node(RecordFetcher fetcher, String id, JsonNode record, String problem, int[] budget) {
        budget[0]--;
        if (record == null) {
            return new Node(id, null, problem, List.of());
        }
        ActivationRow row = ActivationRow.of(record);
        List<Node> children = new ArrayList<>();
        if (row.isSequence()) {
            for (String childId : componentIds(record)) {
                if (budget[0] <= 0) {
                    children.add(new Node(childId, null, "Not read: the tree has more than " + MAX_NODES + " activations.",
                            List.of()));
                    continue;
                }
                try {
                    children.add(node(fetcher, childId, fetcher.record(childId), null, budget));
                } catch (IOException e) {
                    children.add(node(fetcher, childId, null, Failures.messageOf(Failures.unwrap(e)), budget));
                }
            }
        }
        return new Node(id, row, problem, children);
    }
}
