package dev.whiskstudio.sim.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The simulator's one JSON mapper: strict on input (duplicate keys, trailing tokens), compact on output. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        // action code and parameters may hold long strings; the size limits are checked by the API, not here
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(1000).build());
        return m;
    }
}
