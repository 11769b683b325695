package dev.hark.sim.detect;

/**
 * One detection of the keyword.
 *
 * @param step  the network step whose keyword score brought the smoothed score to the threshold (0 = the first step)
 * @param score the smoothed score then: the mean keyword score, rounded down, 0 to 255
 */
public record Detection(long step, int score) {
}
