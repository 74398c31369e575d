/**
 * The simulator embedded in the app: starting it (on the port asked for, or on a free one when another program
 * holds that), the states it goes through, and the target that reaches it. The simulator itself lives in
 * {@code runtime-sim}; nothing here changes how it works.
 */
package dev.whiskstudio.app.simulator;
