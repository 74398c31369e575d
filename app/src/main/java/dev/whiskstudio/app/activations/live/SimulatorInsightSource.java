package dev.whiskstudio.app.activations.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.activations.ActivationRow;
import dev.whiskstudio.app.activations.InsightSource;
import dev.whiskstudio.app.activations.RowInsight;
import dev.whiskstudio.app.activations.StartKind;
import dev.whiskstudio.app.client.SimulatorInsightClient;
import dev.whiskstudio.app.client.insight.ActivationInsight;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simulator's insight API as the activations view reads it: container, start kind, and recorded parameters. */
public final class SimulatorInsightSource implements InsightSource {
    /** The most the simulator answers in one insight list. */
    private static final int MAX_LIST = 10_000;

    private final SimulatorInsightClient client;

    public SimulatorInsightSource(SimulatorInsightClient client) {
        this.client = client;
    }

    /** One range query over the rows' start times; rows outside the answer are left out. */
    @Override
    public Map<String, RowInsight> insights(String namespace, List<ActivationRow> rows) throws IOException {
        long since = Long.MAX_VALUE;
        long upto = 0;
        for (ActivationRow r : rows) {
            since = Math.min(since, r.start());
            upto = Math.max(upto, r.start());
        }
        Map<String, RowInsight> byId = new HashMap<>();
        for (ActivationInsight i : client.insights(namespace, since, upto + 1, Math.min(MAX_LIST, rows.size() * 2 + 100))) {
            byId.put(i.activationId(), rowInsight(i));
        }
        return byId;
    }

    @Override
    public boolean recordsParams() {
        return true;
    }

    @Override
    public Optional<JsonNode> params(String namespace, String activationId) throws IOException {
        return client.insight(namespace, activationId).map(ActivationInsight::params);
    }

    static RowInsight rowInsight(ActivationInsight i) {
        return new RowInsight(i.activationId(), i.containerId(), StartKind.fromInsight(i.startKind()), i.waitTime(),
                i.initTime() == null ? -1 : i.initTime());
    }
}
