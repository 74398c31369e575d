/**
 * The controller: authentication, entitlement (own namespace, published packages), and the rules of each entity
 * collection and of activation queries, as the platform applies them.
 */
package dev.whiskstudio.sim.controller;
