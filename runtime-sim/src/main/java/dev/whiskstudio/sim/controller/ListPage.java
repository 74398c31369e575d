package dev.whiskstudio.sim.controller;

import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;

/** {@code limit} and {@code skip} of a list request, checked as the platform checks them. */
public record ListPage(int limit, int skip) {

    /**
     * @param collection the word the platform's messages use ("actions", "activations", ...)
     * @param max        the largest limit allowed; limit 0 means the largest page
     */
    public static ListPage parse(String limitText, String skipText, String collection, int defaultLimit, int max) {
        int limit = defaultLimit;
        if (limitText != null) {
            long value = integer("limit", limitText, collection);
            if (value < 0 || value > max) {
                throw ApiException.badRequest(Messages.malformedQuery("limit", Messages.listLimitOutOfRange(collection, value, max)));
            }
            limit = value == 0 ? max : (int) value;
        }
        int skip = 0;
        if (skipText != null) {
            long value = integer("skip", skipText, collection);
            if (value < 0) {
                throw ApiException.badRequest(Messages.malformedQuery("skip", Messages.listSkipOutOfRange(collection, value)));
            }
            skip = (int) Math.min(value, Integer.MAX_VALUE);
        }
        return new ListPage(limit, skip);
    }

    private static long integer(String param, String text, String collection) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(Messages.malformedQuery(param, Messages.argumentNotInteger(collection, text)));
        }
    }
}
