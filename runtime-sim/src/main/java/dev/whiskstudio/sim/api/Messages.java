package dev.whiskstudio.sim.api;

/**
 * The platform's own error texts. Clients and users match on these strings, so they are kept exactly as the
 * platform words them (Apache OpenWhisk's {@code Messages}).
 */
public final class Messages {
    public static final String RESOURCE_DOES_NOT_EXIST = "The requested resource does not exist.";
    public static final String NOT_AUTHORIZED = "The supplied authentication is not authorized to access this resource.";
    public static final String AUTH_INVALID = "The supplied authentication is invalid";
    public static final String AUTH_MISSING = "The resource requires authentication, which was not supplied with the request";
    /** No route matched at all (the HTTP layer's text, not an entity lookup's). */
    public static final String ROUTE_NOT_FOUND = "The requested resource could not be found.";
    public static final String RESOURCE_EXISTS = "resource already exists";
    public static final String CONFORMANCE = "Resource by this name exists but is not in this collection.";
    public static final String CONFLICT = "Concurrent modification to resource detected.";
    public static final String ENTITY_NAME_ILLEGAL = "The name of the entity contains illegal characters.";
    public static final String NAMESPACE_ILLEGAL = "The namespace contains illegal characters.";
    public static final String ACTIVATION_ID_ILLEGAL = "The activation id is not valid.";
    public static final String SEQUENCE_TOO_LONG = "Too many actions in the sequence.";
    public static final String SEQUENCE_NO_COMPONENT = "No component specified for the sequence.";
    public static final String SEQUENCE_CYCLIC = "Sequence may not refer to itself.";
    public static final String SEQUENCE_COMPONENT_NOT_FOUND = "Sequence component does not exist.";
    public static final String BINDING_DOES_NOT_EXIST = "Binding references a package that does not exist.";
    public static final String PACKAGE_CANNOT_BECOME_BINDING = "Resource is a package and cannot be converted into a binding.";
    public static final String BINDING_CANNOT_REFERENCE_BINDING = "Cannot bind to another package binding.";
    public static final String BINDING_NOT_A_PACKAGE = "Cannot bind to a resource that is not a package.";
    public static final String NOT_ALLOWED_ON_BINDING = "Operation not permitted on package binding.";
    public static final String DOCS_NOT_ALLOWED_WITH_COUNT = "The parameter 'docs' is not permitted with 'count'.";
    public static final String PARAMETERS_NOT_ALLOWED = "Request defines parameters that are not allowed (e.g., reserved properties).";
    public static final String METHOD_NOT_ALLOWED = "HTTP method not allowed, supported methods: %s";
    public static final String FQN_TOO_SHORT = "requirement failed: The fully qualified name of the entity must contain at least the namespace and the name of the entity.";
    public static final String MALFORMED_CONTENT = "The request content was malformed:\n%s";

    private Messages() {
    }

    public static String malformedQuery(String param, String detail) {
        return "The query parameter '" + param + "' was malformed:\n" + detail;
    }

    public static String notAuthorizedFor(String fqname) {
        return "The supplied authentication is not authorized to access '" + fqname + "'.";
    }

    public static String resourceDoesntExist(String value) {
        return "The requested resource '" + value + "' does not exist.";
    }

    public static String nameTooLong(int length) {
        return "Name segement longer than allowed: " + length + " > 256.";
    }

    public static String namespaceTooLong(int length) {
        return "Namespace longer than allowed: " + length + " > 256.";
    }

    public static String activationIdLength(int length) {
        return "Activation id length is " + length + " but must be 32.";
    }

    public static String unsupportedContentType(String actual) {
        return "The request's Content-Type [" + actual + "] is not supported. Expected:\napplication/json";
    }

    public static String packageNameReserved(String name) {
        return "Package name '" + name + "' is reserved.";
    }

    public static String entityTooBig(String field, long is, long allowed) {
        return field + " larger than allowed: " + is + " > " + allowed + " bytes.";
    }

    public static String listLimitOutOfRange(String collection, long value, long max) {
        return "The value '" + value + "' is not in the range of 0 to " + max + " for " + collection + ".";
    }

    public static String listSkipOutOfRange(String collection, long value) {
        return "The value '" + value + "' is not greater than or equal to 0 for " + collection + ".";
    }

    public static String argumentNotInteger(String collection, String value) {
        return "The value '" + value + "' is not an integer for " + collection + ".";
    }

    public static String badNameFilter(String value) {
        return "Parameter may be a 'simple' name or 'package-name/simple' name: " + value;
    }

    public static String badEpoch(String value) {
        return "Parameter is not a valid value for epoch seconds: " + value;
    }

    public static String invalidRuntime(String kind, Iterable<String> kinds) {
        StringBuilder valid = new StringBuilder();
        for (String k : kinds) {
            valid.append(valid.length() == 0 ? "'" : ", '").append(k).append('\'');
        }
        return "The specified runtime '" + kind + "' is not supported by this platform. Valid values are: " + valid + ".";
    }

    public static String invalidTimeout(long maxMillis) {
        return "Timeout must be number of milliseconds up to " + maxMillis + ".";
    }

    public static String durationBelow(long is, long allowed) {
        return "duration " + is + " milliseconds below allowed threshold of " + allowed + " milliseconds";
    }

    public static String durationExceeds(long is, long allowed) {
        return "duration " + is + " milliseconds exceeds allowed threshold of " + allowed + " milliseconds";
    }

    public static String sizeBelow(String field, long is, long allowed) {
        return field + " size " + is + " MB below allowed threshold of " + allowed + " MB";
    }

    public static String sizeExceeds(String field, long is, long allowed) {
        return field + " size " + is + " MB exceeds allowed threshold of " + allowed + " MB";
    }

    public static String concurrencyBelow(long is, long allowed) {
        return "concurrency " + is + " below allowed threshold of " + allowed;
    }

    public static String concurrencyExceeds(long is, long allowed) {
        return "concurrency " + is + " exceeds allowed threshold of " + allowed;
    }

    public static String tooManyConcurrent(long count, long allowed) {
        return "Too many concurrent requests in flight (count: " + count + ", allowed: " + allowed + ").";
    }

    public static String tooManyPerMinute(long count, long allowed) {
        return "Too many requests in the last minute (count: " + count + ", allowed: " + allowed + ").";
    }
}
