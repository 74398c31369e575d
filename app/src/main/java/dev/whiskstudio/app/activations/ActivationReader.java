package dev.whiskstudio.app.activations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The activations of one namespace of a target over the OpenWhisk REST API, a page at a time, newest first. The page
 * is the largest the target hands out: 200 on OpenWhisk; a target that allows fewer (Adobe I/O Runtime: 50) says so
 * in its 400 answer, and the page shrinks to its limit. Whole records come in smaller pages, as their logs can be
 * large. Calls block; the reader is safe to share between threads.
 */
public final class ActivationReader {
    public static final int DEFAULT_PAGE_SIZE = 200;
    /** Whole records per page: a record may carry megabytes of logs. */
    public static final int DEFAULT_RECORDS_PAGE_SIZE = 50;
    private static final Pattern RANGE = Pattern.compile("not in the range of 0 to (\\d+)");

    private final OpenWhiskClient client;
    private final String namespace;
    private volatile int pageSize;
    private volatile int recordsPageSize;

    public ActivationReader(OpenWhiskClient client, String namespace) {
        this(client, namespace, DEFAULT_PAGE_SIZE);
    }

    /** @param pageSize the entries asked for per list request (at most what the target allows) */
    public ActivationReader(OpenWhiskClient client, String namespace, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one activation");
        }
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.pageSize = pageSize;
        this.recordsPageSize = Math.min(pageSize, DEFAULT_RECORDS_PAGE_SIZE);
    }

    public String namespace() {
        return namespace;
    }

    public OpenWhiskClient client() {
        return client;
    }

    /** Entries per list page now (smaller once the target said its limit). */
    public int pageSize() {
        return pageSize;
    }

    public int recordsPageSize() {
        return recordsPageSize;
    }

    /**
     * A page of list entries as rows, newest first.
     *
     * @param since only activations that started at or after this epoch ms (the platform's bound is inclusive); 0
     *              for no bound
     */
    public List<ActivationRow> rows(int skip, long since) throws IOException {
        JsonNode page = page(skip, since, false);
        List<ActivationRow> rows = new ArrayList<>(page.size());
        for (JsonNode entry : page) {
            if (entry.hasNonNull("activationId")) {
                rows.add(ActivationRow.of(entry));
            }
        }
        return rows;
    }

    /** A page of whole records ({@code docs=true}), newest first. */
    public List<JsonNode> records(int skip, long since) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        page(skip, since, true).forEach(records::add);
        return records;
    }

    /** One whole record. */
    public JsonNode record(String activationId) throws IOException {
        return client.activation(namespace, activationId);
    }

    private JsonNode page(int skip, long since, boolean docs) throws IOException {
        while (true) {
            int limit = docs ? recordsPageSize : pageSize;
            try {
                JsonNode page = client.listActivations(namespace, null, limit, skip, since, docs);
                if (!page.isArray()) {
                    throw new IOException("the list of activations is not a JSON array");
                }
                return page;
            } catch (OpenWhiskException e) {
                int allowed = allowedLimit(e);
                if (allowed <= 0 || allowed >= limit) {
                    throw e;
                }
                // the target's page is smaller than asked for: use its size from now on
                if (docs) {
                    recordsPageSize = allowed;
                } else {
                    pageSize = allowed;
                    recordsPageSize = Math.min(recordsPageSize, allowed);
                }
            }
        }
    }

    /** N from the platform's 400 "The value 'X' is not in the range of 0 to N for activations."; 0 otherwise. */
    static int allowedLimit(OpenWhiskException e) {
        if (e.status() != 400 || e.error() == null) {
            return 0;
        }
        Matcher m = RANGE.matcher(e.error());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
