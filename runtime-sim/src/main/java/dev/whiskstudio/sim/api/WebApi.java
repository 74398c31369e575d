package dev.whiskstudio.sim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiskstudio.sim.controller.Invocation;
import dev.whiskstudio.sim.controller.WebActionController;
import dev.whiskstudio.sim.controller.WebRequest;
import dev.whiskstudio.sim.entity.ActivationRecord;
import dev.whiskstudio.sim.entity.ActivationStatus;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/v1/web/NS/PKG/ACTION.EXT[/path]}: turns the HTTP request into a web action invocation and the
 * action's result into the HTTP response the extension asks for, as the platform does.
 */
public final class WebApi {
    private static final String PREFIX = "/api/v1/web/";
    private static final long MAX_WAIT_MS = 60_000;
    private static final long MAX_BODY = 64L * 1024 * 1024;
    private static final String ALLOW_METHODS = "OPTIONS, GET, DELETE, POST, PUT, HEAD, PATCH";
    private static final String ALLOW_HEADERS = "Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent";

    private final WebActionController web;
    private final ObjectMapper json;
    private final ErrorRenderer errors;

    /** Renders an error the platform's way ({@code {"error","code"}}). */
    public interface ErrorRenderer {
        void render(Context ctx, int status, String message);
    }

    public WebApi(WebActionController web, ObjectMapper json, ErrorRenderer errors) {
        this.web = web;
        this.json = json;
        this.errors = errors;
    }

    public void install(JavalinConfig cfg) {
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE,
                HandlerType.PATCH, HandlerType.HEAD, HandlerType.OPTIONS)) {
            cfg.routes.addHttpHandler(method, PREFIX + "<rest>", this::handle);
        }
    }

    private void handle(Context ctx) throws IOException {
        WebRequest request = parse(ctx);
        if (request == null) {
            throw ApiException.notFound();
        }
        WebActionController.Target target = web.target(request);
        if (!target.customOptions()) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
            String requested = request.headers().get("access-control-request-headers");
            ctx.header("Access-Control-Allow-Headers", requested != null ? requested : ALLOW_HEADERS);
            if ("OPTIONS".equals(request.method())) {
                ctx.status(200);
                return;
            }
        }
        Invocation invocation = web.invoke(request, target, MAX_WAIT_MS);
        ctx.header("x-openwhisk-activation-id", invocation.activationId());
        // the wait does not count time in which a debugger held the activation paused
        CompletableFuture<ActivationRecord> outcome = web.awaitRecord(invocation, MAX_WAIT_MS);
        Outcomes.answer(ctx, outcome, record -> answer(ctx, record, target));
    }

    /** The activation's answer, or the platform's 202 when none came within the wait. */
    private void answer(Context ctx, ActivationRecord record, WebActionController.Target target) {
        if (record == null) {
            errors.render(ctx, 202, "Response not yet ready.");
        } else {
            respond(ctx, record, target.extension());
        }
    }

    /** The request's parts, or null when the path does not name a namespace, package and action. */
    private WebRequest parse(Context ctx) throws IOException {
        String uri = ctx.req().getRequestURI();
        if (!uri.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = uri.substring(PREFIX.length()).split("/", 4);
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        Map<String, String> headers = new TreeMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), ctx.req().getHeader(name));
        }
        String rawQuery = ctx.req().getQueryString() == null ? "" : ctx.req().getQueryString();
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        String type = ctx.req().getContentType();
        String mediaType = type == null ? null : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String path = parts.length == 4 ? "/" + decode(parts[3]) : "";
        return new WebRequest(ctx.req().getMethod(), decode(parts[0]), decode(parts[1]), decode(parts[2]), path,
                headers, rawQuery, query, RequestBodies.read(ctx, MAX_BODY), mediaType);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * A successful result, or an application error's {@code error} field, rendered for the extension; a developer
     * or whisk error is the platform's 400.
     */
    private void respond(Context ctx, ActivationRecord record, String extension) {
        if (record.status() == ActivationStatus.DEVELOPER_ERROR || record.status() == ActivationStatus.WHISK_ERROR) {
            errors.render(ctx, 400, "There was an error processing your request.");
            return;
        }
        JsonNode result = record.response().get("result");
        if (record.status() == ActivationStatus.APPLICATION_ERROR) {
            result = result == null ? null : result.get("error");
            if (result == null) {
                errors.render(ctx, 404, "Response does not include requested property.");
                return;
            }
        }
        try {
            switch (extension) {
                case ".json" -> asJson(ctx, result);
                case ".html" -> asMarkup(ctx, result, "html", "text/html; charset=UTF-8");
                case ".svg" -> asMarkup(ctx, result, "svg", "image/svg+xml");
                case ".text" -> asText(ctx, result);
                default -> asHttp(ctx, result);
            }
        } catch (InvalidResponse e) {
            errors.render(ctx, e.status, e.getMessage());
        }
    }

    /** A result that cannot be rendered as asked. */
    private static final class InvalidResponse extends RuntimeException {
        final int status;

        InvalidResponse(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void asJson(Context ctx, JsonNode result) {
        if (!(result.isObject() || result.isArray())) {
            throw new InvalidResponse(400, "Response is not valid 'application/json'.");
        }
        ctx.status(200).contentType("application/json").result(write(result));
    }

    private static void asMarkup(Context ctx, JsonNode result, String field, String contentType) {
        JsonNode value = result.isObject() ? (result.has("body") ? result.get("body") : result.get(field)) : result;
        if (value == null || !value.isTextual()) {
            throw new InvalidResponse(400, "Response is not valid '" + contentType.split(";")[0] + "'.");
        }
        ctx.status(200).contentType(contentType).result(value.asText());
    }

    private void asText(Context ctx, JsonNode result) {
        JsonNode value = result.isObject() ? (result.has("body") ? result.get("body") : result.get("text")) : result;
        if (value == null) {
            throw new InvalidResponse(404, "Response does not include requested property.");
        }
        String text = value.isContainerNode() ? pretty(value) : value.isTextual() ? value.asText() : value.toString();
        ctx.status(200).contentType("text/plain; charset=UTF-8").result(text);
    }

    /** {@code {statusCode, headers, body}}: the action says what HTTP response to give. */
    private void asHttp(Context ctx, JsonNode result) {
        String invalid = "Response is not valid 'message/http'.";
        if (!result.isObject()) {
            throw new InvalidResponse(400, invalid);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode headersNode = result.get("headers");
        if (headersNode != null && !headersNode.isNull()) {
            if (!headersNode.isObject()) {
                throw new InvalidResponse(400, invalid);
            }
            headersNode.fields().forEachRemaining(h -> headers.put(h.getKey(), headerValues(h.getValue(), invalid)));
        }
        Integer code = statusCode(result.get("statusCode"), invalid);
        String contentType = null;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("content-type") && !h.getValue().isEmpty()) {
                contentType = h.getValue().get(0);
            }
        }
        JsonNode body = result.get("body");
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type")) {
                values.forEach(v -> ctx.res().addHeader(name, v));
            }
        });
        if (body == null || body.isNull() || (body.isTextual() && body.asText().isEmpty())) {
            ctx.status(code == null ? 204 : code);
            return;
        }
        int status = code == null ? 200 : code;
        if (!body.isTextual()) {
            String type = contentType == null ? "application/json" : contentType;
            if (!isJsonFamily(type)) {
                throw new InvalidResponse(400, "Response type in header did not match generated content type.");
            }
            ctx.status(status).contentType(type).result(write(body));
            return;
        }
        String type = contentType == null ? "text/html" : contentType;
        String media = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String text = body.asText();
        // the platform still decodes base64 text sent as JSON, for web actions written before it took JSON bodies
        if (isJsonFamily(media) && dev.whiskstudio.sim.entity.Exec.isBinaryCode(text)) {
            ctx.status(status).contentType(type).result(decodeBase64(text));
        } else if (isTextual(media)) {
            ctx.status(status).contentType(type.contains("charset") ? type : type + "; charset=UTF-8").result(text);
        } else {
            ctx.status(status).contentType(type).result(decodeBase64(text));
        }
    }

    private static List<String> headerValues(JsonNode v, String invalid) {
        if (v.isTextual() || v.isBoolean() || v.isNumber()) {
            return List.of(v.asText());
        }
        if (v.isArray()) {
            List<String> all = new java.util.ArrayList<>();
            v.forEach(inner -> all.addAll(headerValues(inner, invalid)));
            return all;
        }
        throw new InvalidResponse(400, invalid);
    }

    private static Integer statusCode(JsonNode node, String invalid) {
        if (node == null) {
            return null;
        }
        try {
            int code = node.isNumber() && node.canConvertToExactIntegral() ? node.intValue()
                    : node.isTextual() ? Integer.parseInt(node.asText().trim()) : -1;
            if (code < 100 || code > 599) {
                throw new InvalidResponse(400, invalid);
            }
            return code;
        } catch (NumberFormatException e) {
            throw new InvalidResponse(400, invalid);
        }
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidResponse(400, "Response type in header did not match generated content type.");
        }
    }

    private static boolean isJsonFamily(String type) {
        String media = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static boolean isTextual(String media) {
        return media.startsWith("text/") || media.equals("application/json") || media.endsWith("+json")
                || media.equals("application/xml") || media.endsWith("+xml") || media.equals("application/javascript")
                || media.equals("application/x-www-form-urlencoded");
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String pretty(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
