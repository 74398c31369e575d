package dev.whiskstudio.sim.controller;

import dev.whiskstudio.sim.api.ApiException;
import dev.whiskstudio.sim.api.Messages;
import dev.whiskstudio.sim.config.Credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks HTTP basic auth ({@code uuid:key}) against the configured credentials. */
public final class Authenticator {
    private final Map<String, Identity> byUuid = new HashMap<>();
    private final Map<String, String> keyByUuid = new HashMap<>();
    private final Map<String, Identity> ownerByNamespace = new HashMap<>();

    public Authenticator(List<Credential> credentials) {
        Map<String, List<String>> namespacesByUuid = new LinkedHashMap<>();
        for (Credential c : credentials) {
            String known = keyByUuid.putIfAbsent(c.uuid(), c.key());
            if (known != null && !known.equals(c.key())) {
                throw new IllegalArgumentException("uuid " + c.uuid() + " is configured with two different keys");
            }
            namespacesByUuid.computeIfAbsent(c.uuid(), u -> new ArrayList<>()).add(c.namespace());
        }
        namespacesByUuid.forEach((uuid, namespaces) -> byUuid.put(uuid, new Identity(namespaces.get(0),
                namespaces.get(0), List.copyOf(namespaces), uuid + ":" + keyByUuid.get(uuid))));
        for (Credential c : credentials) {
            Identity key = byUuid.get(c.uuid());
            ownerByNamespace.putIfAbsent(c.namespace(), new Identity(key.subject(), c.namespace(), key.namespaces(), key.authKey()));
        }
    }

    /**
     * The identity that owns a namespace, acting in it: what a web action runs as, since its caller need not be
     * authenticated.
     */
    public Optional<Identity> ownerOf(String namespace) {
        return Optional.ofNullable(ownerByNamespace.get(namespace));
    }

    /**
     * The identity of an {@code Authorization} header; 401 with the platform's message when it is missing or wrong.
     */
    public Identity authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new ApiException(401, Messages.AUTH_MISSING);
        }
        return identify(authorizationHeader).orElseThrow(() -> new ApiException(401, Messages.AUTH_INVALID));
    }

    /** The identity of a header, if it carries valid basic credentials (web actions use this without demanding it). */
    public Optional<Identity> identify(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String uuid = decoded.substring(0, colon);
        String key = decoded.substring(colon + 1);
        String expected = keyByUuid.get(uuid);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(byUuid.get(uuid));
    }
}
