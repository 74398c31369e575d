package dev.whiskstudio.sim.controller;

import java.util.List;

/**
 * Who a request comes from: the subject of the key, its default namespace, and every namespace the key opens.
 */
public record Identity(String subject, String namespace, List<String> namespaces, String authKey) {

    public boolean owns(String ns) {
        return namespaces.contains(ns);
    }

    /** The namespace a path segment means: {@code _} is the caller's own. */
    public String resolve(String ns) {
        return "_".equals(ns) ? namespace : ns;
    }
}
