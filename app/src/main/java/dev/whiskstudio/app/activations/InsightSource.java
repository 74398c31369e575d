package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a target knows of its activations beyond the records: on the Whisk Studio simulator, its insight API
 * ({@code /sim/v1/.../insight}); on a cluster, nothing ({@link #NONE}). Calls block: the views make them off the FX
 * thread.
 */
public interface InsightSource {

    /** A cluster's: no insight, parameters not recorded. */
    InsightSource NONE = new InsightSource() {
        @Override
        public Map<String, RowInsight> insights(String namespace, List<ActivationRow> rows) {
            return Map.of();
        }

        @Override
        public boolean recordsParams() {
            return false;
        }

        @Override
        public Optional<JsonNode> params(String namespace, String activationId) {
            return Optional.empty();
        }
    };

    /**
     * The insight of each of these rows the target knows, by activation id (a range query over the rows' start
     * times suits the simulator's {@code insight?since=&upto=&limit=}). Rows it does not know are left out.
     */
    Map<String, RowInsight> insights(String namespace, List<ActivationRow> rows) throws IOException;

    /** Whether this target records the parameters of invocations at all. */
    boolean recordsParams();

    /** The invocation's parameters exactly as the caller sent them; empty when not recorded. */
    Optional<JsonNode> params(String namespace, String activationId) throws IOException;

    /** The rows with what this source knows of them filled in; a failure leaves them as they are. */
    default List<ActivationRow> enrich(String namespace, List<ActivationRow> rows) {
        if (rows.isEmpty() || this == NONE) {
            return rows;
        }
        Map<String, RowInsight> known;
        try {
            known = insights(namespace, rows);
        } catch (IOException | RuntimeException e) {
            // the list stays useful without insight; the record's own cold/warm still shows
            return rows;
        }
        if (known.isEmpty()) {
            return rows;
        }
        return rows.stream().map(r -> r.withInsight(known.get(r.activationId()))).toList();
    }
}
