package dev.whiskstudio.app.debug.cdp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the protocol: unknown fields are ignored (the protocol grows; we read what we use) and
 * absent optional parameters are left out of commands rather than sent as {@code null}, which the inspector rejects.
 */
public final class CdpJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private CdpJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads a message part as a record; a shape that does not fit is a {@link CdpException}. */
    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (Exception e) {
            throw new CdpException(CdpException.MALFORMED, "The debugger sent a " + type.getSimpleName()
                    + " that cannot be read: " + e.getMessage(), e);
        }
    }
}
