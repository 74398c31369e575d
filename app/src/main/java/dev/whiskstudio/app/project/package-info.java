/**
 * The open project as the window shows it: the folder's packages, actions, sequences, triggers and rules from its
 * manifest (or its plain {@code .js} files), each with the file that declares or holds it, and the project's sync to
 * the embedded simulator.
 */
package dev.whiskstudio.app.project;
