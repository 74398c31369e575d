package dev.whiskstudio.plugin.alarms;

import java.util.Map;

/**
 * What the platform keeps for one alarm trigger (its database document, less the credentials).
 *
 * @param name      the trigger's name
 * @param namespace its namespace ({@code _} when the name was not qualified)
 * @param payload   what each fire posts, from {@code trigger_payload}
 * @param schedule  when it fires
 */
record AlarmDoc(String name, String namespace, Map<String, Object> payload, AlarmSchedule schedule) {

    AlarmDoc {
        payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
    }

    AlarmDoc withPayload(Map<String, Object> newPayload) {
        return new AlarmDoc(name, namespace, newPayload, schedule);
    }

    AlarmDoc withSchedule(AlarmSchedule newSchedule) {
        return new AlarmDoc(name, namespace, payload, newSchedule);
    }
}
