package dev.whiskstudio.sim.controller;

import java.util.Map;

/**
 * An HTTP request to a web action, as the controller needs it.
 *
 * @param method      the HTTP method, upper case
 * @param namespace   the namespace segment of {@code /api/v1/web/NS/PKG/ACTION.EXT}
 * @param pkg         the package segment ({@code default} for the default package)
 * @param actionWithExtension the action segment, with its extension if any
 * @param path        what follows the action segment ({@code __ow_path})
 * @param headers     request headers, names lower case
 * @param rawQuery    the query string as sent, or empty
 * @param query       the decoded query parameters
 * @param body        the body bytes (empty for none)
 * @param contentType the media type of the body without parameters, lower case, or null
 */
public record WebRequest(String method, String namespace, String pkg, String actionWithExtension, String path,
                         Map<String, String> headers, String rawQuery, Map<String, String> query, byte[] body,
                         String contentType) {
}
