package dev.hark.trainer.eval;

import dev.hark.sim.detect.Detector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stretch of a listened stream as a reader wants to see it: the detector's smoothed score per step, its
 * threshold, the keywords, and which detections hit a keyword, which were counted as false alarms and which keywords
 * were missed, all as {@link MatchingRule} decided them for the whole stream. The stretch is chosen to show as many
 * kinds of event (false alarm, miss, hit) as one stretch of its length can, so a picture of it shows the
 * operating point's failures and not only quiet audio.
 *
 * @param fromSecond        the stretch's start, seconds from the stream's start (the stretch includes both ends)
 * @param toSecond          its end
 * @param threshold         the detector's threshold, 1 to 255 (score units, as {@code smoothedScores})
 * @param stepSeconds       the steps inside the stretch, when each happened
 * @param smoothedScores    the detector's smoothed score at each of those steps, 0 to 255
 * @param keywords          the keywords overlapping the stretch
 * @param hitSeconds        detections inside the stretch that fell in a keyword's window
 * @param falseAlarmSeconds counted false alarms inside the stretch
 * @param missedKeywords    the keywords of {@code keywords} no detection hit
 * @param missedPeaks       per missed keyword, the highest smoothed score inside the stretch during its window (from
 *                          its start to the rule's tolerance after its end): how near the detector came
 */
public record StreamExcerpt(double fromSecond, double toSecond, int threshold, double[] stepSeconds,
                            int[] smoothedScores, List<KeywordOccurrence> keywords, double[] hitSeconds,
                            double[] falseAlarmSeconds, List<KeywordOccurrence> missedKeywords, int[] missedPeaks) {
    public StreamExcerpt {
        keywords = List.copyOf(keywords);
        missedKeywords = List.copyOf(missedKeywords);
        if (missedPeaks.length != missedKeywords.size()) {
            throw new IllegalArgumentException("stream excerpt: " + missedPeaks.length + " peaks for "
                    + missedKeywords.size() + " missed keywords");
        }
    }

    /** The smoothed score of the last step at or before {@code second} inside the stretch; 0 before its first. */
    public int scoreAt(double second) {
        int score = 0;
        for (int i = 0; i < stepSeconds.length && stepSeconds[i] <= second; i++) {
            score = smoothedScores[i];
        }
        return score;
    }

    /**
     * The stretch of {@code seconds} that shows the most kinds of event (a counted false alarm, a missed keyword, a
     * hit), then the most events, then the earliest; each candidate is centred on one event (clipped to the
     * stream). A stream without any event gives its first {@code seconds}.
     *
     * @param listening what the network and its detector made of the stream (its settings hold the threshold)
     * @param keywords  the stream's keywords
     * @param rule      how detections were matched with them
     * @param seconds   the stretch's length, positive
     */
    public static StreamExcerpt of(Listening listening, List<KeywordOccurrence> keywords, MatchingRule rule,
                                   double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("stream excerpt: the length must be positive, got " + seconds + " s");
        }
        double[] detections = listening.detectionSeconds();
        MatchingRule.Matching matching = rule.matchInDetail(detections, keywords);
        List<KeywordOccurrence> missed = new ArrayList<>();
        for (int i = 0; i < keywords.size(); i++) {
            if (!matching.keywordHit()[i]) {
                missed.add(keywords.get(i));
            }
        }
        List<Double> hits = new ArrayList<>();
        for (double d : detections) {
            if (keywords.stream().anyMatch(k -> d >= k.startSecond() && d <= k.endSecond() + rule.toleranceSeconds())) {
                hits.add(d);
            }
        }
        double streamEnd = listening.steps() == 0 ? seconds : listening.stepSecond(listening.steps() - 1);
        List<Double> centres = new ArrayList<>();
        for (double f : matching.falseAlarmSeconds()) {
            centres.add(f);
        }
        missed.forEach(k -> centres.add(k.endSecond()));
        centres.addAll(hits);
        double bestFrom = 0;
        int bestKinds = -1;
        int bestEvents = -1;
        for (double centre : centres) {
            double from = Math.max(0, Math.min(centre - seconds / 2, streamEnd - seconds));
            double to = from + seconds;
            int falseAlarms = count(matching.falseAlarmSeconds(), from, to);
            int misses = (int) missed.stream().filter(k -> k.endSecond() >= from && k.endSecond() <= to).count();
            int hitCount = (int) hits.stream().filter(h -> h >= from && h <= to).count();
            int kinds = (falseAlarms > 0 ? 1 : 0) + (misses > 0 ? 1 : 0) + (hitCount > 0 ? 1 : 0);
            int events = falseAlarms + misses + hitCount;
            if (kinds > bestKinds || kinds == bestKinds && (events > bestEvents
                    || events == bestEvents && from < bestFrom)) {
                bestFrom = from;
                bestKinds = kinds;
                bestEvents = events;
            }
        }
        double from = bestFrom;
        double to = from + seconds;
        Detector detector = new Detector(listening.settings());
        List<Double> stepTimes = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (int s = 0; s < listening.steps(); s++) {
            detector.push(listening.scores()[s]);
            double t = listening.stepSecond(s);
            if (t >= from && t <= to) {
                stepTimes.add(t);
                scores.add(detector.smoothedScore());
            }
        }
        List<KeywordOccurrence> missedHere = missed.stream()
                .filter(k -> k.endSecond() > from && k.startSecond() <= to).toList();
        int[] peaks = new int[missedHere.size()];
        for (int m = 0; m < peaks.length; m++) {
            double windowFrom = missedHere.get(m).startSecond();
            double windowTo = missedHere.get(m).endSecond() + rule.toleranceSeconds();
            for (int i = 0; i < stepTimes.size(); i++) {
                if (stepTimes.get(i) >= windowFrom && stepTimes.get(i) <= windowTo) {
                    peaks[m] = Math.max(peaks[m], scores.get(i));
                }
            }
        }
        return new StreamExcerpt(from, to, listening.settings().threshold(),
                stepTimes.stream().mapToDouble(Double::doubleValue).toArray(),
                scores.stream().mapToInt(Integer::intValue).toArray(),
                keywords.stream().filter(k -> k.endSecond() > from && k.startSecond() <= to).toList(),
                hits.stream().filter(h -> h >= from && h <= to).mapToDouble(Double::doubleValue).toArray(),
                Arrays.stream(matching.falseAlarmSeconds()).filter(f -> f >= from && f <= to).toArray(),
                missedHere, peaks);
    }

    private static int count(double[] times, double from, double to) {
        int n = 0;
        for (double t : times) {
            n += t >= from && t <= to ? 1 : 0;
        }
        return n;
    }
}
