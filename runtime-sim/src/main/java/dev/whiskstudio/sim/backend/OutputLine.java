package dev.whiskstudio.sim.backend;

/**
 * One line a container wrote, with when it was read.
 *
 * @param stderr       whether it came on stderr (else stdout)
 * @param epochMillis  when the line arrived
 */
public record OutputLine(boolean stderr, String text, long epochMillis) {
}
