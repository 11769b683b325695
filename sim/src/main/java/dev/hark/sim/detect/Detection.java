package dev.hark.sim.detect;

/**
 * One detection of the keyword.
 *
 * @param step  the network step whose posterior brought the smoothed score to the threshold (0 = the first step)
 * @param score the smoothed score then: the mean posterior, rounded down, 0 to 255
 */
public record Detection(long step, int score) {
}
