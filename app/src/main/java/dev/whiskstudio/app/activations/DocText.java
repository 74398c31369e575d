package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** The text of a whole record that the "logs and result" search reads: its log lines and its result, lower-cased. */
final class DocText {
    /** A record's logs may be megabytes; the search reads this much of them. */
    static final int MAX_CHARS = 64 * 1024;

    private DocText() {
    }

    static String of(JsonNode record) {
        StringBuilder text = new StringBuilder();
        for (JsonNode line : record.path("logs")) {
            if (text.length() >= MAX_CHARS) {
                break;
            }
            text.append(line.asText()).append('\n');
        }
        JsonNode result = record.path("response").path("result");
        if (!result.isMissingNode() && !result.isNull()) {
            text.append(result.isTextual() ? result.asText() : result.toString());
        }
        String all = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text.toString();
        return all.toLowerCase(Locale.ROOT);
    }
}
