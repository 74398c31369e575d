/**
 * The platform's values: names and their rule, versions, exec kinds, action limits, parameters and annotations,
 * activation records. Parsing of client input into these, with the platform's malformed-request messages.
 */
package dev.whiskstudio.sim.entity;
