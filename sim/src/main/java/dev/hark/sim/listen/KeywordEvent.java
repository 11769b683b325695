package dev.hark.sim.listen;

/**
 * One detection of the keyword in a stream, as {@code hark_kws_event} reports it.
 *
 * @param step   the network step that fired, 0 = the first since the stream started
 * @param sample samples received when that step ran (divide by 16,000 for seconds)
 * @param score  the smoothed keyword score, 0 to 255 (log-odds in 1/16 nat plus 128)
 */
public record KeywordEvent(long step, long sample, int score) {
}
