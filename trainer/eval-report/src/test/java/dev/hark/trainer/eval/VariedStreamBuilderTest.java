package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.augment.NoiseBank;
import dev.hark.trainer.data.NoiseRecording;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class VariedStreamBuilderTest {
    private static final int RATE = 16000;

    private static short[] tone(int samples, double hz, long seed) {
        Random r = new Random(seed);
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (3000 * Math.sin(2 * Math.PI * hz * i / RATE) + 200 * r.nextGaussian());
        }
        return s;
    }

    private static final StreamSource KEYWORD = new StreamSource("sheila/a.wav", "sheila", tone(RATE, 440, 1));
    private static final StreamSource SHELL = new StreamSource("shell/b.wav", "shell", tone(RATE, 300, 2));
    private static final StreamSource SEA = new StreamSource("sea/c.wav", "sea", tone(RATE, 350, 3));
    private static final StreamSource HUM = new StreamSource("hum", StreamSource.BACKGROUND, tone(2 * RATE, 50, 4));
    private static final StreamSource SENTENCE = new StreamSource("sentence 0 (flite slt)",
            StreamSource.SYNTHETIC_SPEECH, tone(3 * RATE, 200, 5));
    private static final NoiseBank NOISE = NoiseBank.of(List.of(new NoiseRecording(Path.of("hiss.wav"),
            tone(RATE, 5000, 6))));

    /** One builder for the tests that need no other, so its resamplers are made once. */
    private static final VariedStreamBuilder BUILDER = builder(1);

    private static VariedStreamBuilder builder(long seed) {
        return new VariedStreamBuilder(new VariedStreamBuilder.Material(List.of(KEYWORD), List.of(SHELL, SEA),
                List.of(HUM), List.of(SENTENCE)), NOISE, seed);
    }

    private static short[] piece(VariedStream stream, StreamStretch s) {
        return Arrays.copyOfRange(stream.samples(), s.startSample(), s.endSample());
    }

    @Test
    void noTwoOccurrencesOfOneSourceAreTheSameSamples() {
        VariedStream stream = BUILDER.build(0, 60);
        for (String source : List.of(KEYWORD.id(), SHELL.id(), HUM.id(), SENTENCE.id())) {
            List<StreamStretch> occurrences = stream.stretches().stream().filter(s -> s.sourceId().equals(source))
                    .toList();
            assertTrue(occurrences.size() >= 2, source + " occurs " + occurrences.size() + " times");
            for (int i = 0; i < occurrences.size(); i++) {
                for (int j = i + 1; j < occurrences.size(); j++) {
                    assertFalse(Arrays.equals(piece(stream, occurrences.get(i)), piece(stream, occurrences.get(j))),
                            source + ": occurrences " + i + " and " + j + " are the same samples");
                }
            }
        }
    }

    @Test
    void eachKeywordOnceHearsEveryKeywordClipExactlyOnceEvenBeyondTheLengthAskedFor() {
        List<StreamSource> keywords = new java.util.ArrayList<>();
        for (int k = 0; k < 7; k++) {
            keywords.add(new StreamSource("sheila/" + k + ".wav", "sheila", tone(RATE, 400 + 10 * k, 10 + k)));
        }
        VariedStreamBuilder builder = new VariedStreamBuilder(new VariedStreamBuilder.Material(keywords,
                List.of(SHELL, SEA), List.of(HUM), List.of()), NOISE, 3);
        // 7 keywords at gaps of at least 12 s cannot fit in 10 s: the stream goes on until each is heard.
        VariedStream shortOne = builder.buildHearingEachKeywordOnce(0, 10);
        assertEquals(7, shortOne.keywords().size());
        assertTrue(shortOne.hours() * 3600 > 7 * KeywordStreamBuilder.MIN_KEYWORD_GAP_SECONDS);
        List<String> heard = shortOne.stretches().stream().filter(StreamStretch::keyword)
                .map(StreamStretch::sourceId).sorted().toList();
        assertEquals(keywords.stream().map(StreamSource::id).sorted().toList(), heard);
        // Longer than the keywords need: still each once, the rest negative audio.
        VariedStream longOne = builder.buildHearingEachKeywordOnce(1, 600);
        assertEquals(7, longOne.keywords().size());
        assertTrue(longOne.hours() * 3600 >= 600);
        assertEquals(7, longOne.stretches().stream().filter(StreamStretch::keyword).map(StreamStretch::sourceId)
                .distinct().count());
    }

    @Test
    void theSameSeedAndStreamNumberGiveTheSameStreamAndOthersAnother() {
        VariedStream a = builder(7).build(2, 20);
        VariedStream b = builder(7).build(2, 20);
        assertArrayEquals(a.samples(), b.samples());
        assertEquals(a.stretches(), b.stretches());
        assertEquals(a.keywords(), b.keywords());
        assertFalse(Arrays.equals(a.samples(), builder(7).build(3, 20).samples()), "another stream number");
        assertFalse(Arrays.equals(a.samples(), builder(8).build(2, 20).samples()), "another seed");
    }

    @Test
    void theStretchesTileTheStreamAndNameTheirSources() {
        VariedStream stream = BUILDER.build(1, 40);
        List<StreamStretch> stretches = stream.stretches();
        assertEquals(0, stretches.get(0).startSample());
        for (int i = 1; i < stretches.size(); i++) {
            assertEquals(stretches.get(i - 1).endSample(), stretches.get(i).startSample(), "stretch " + i);
        }
        assertEquals(stream.samples().length, stretches.get(stretches.size() - 1).endSample());
        assertTrue(stream.samples().length >= 40 * RATE);
        List<StreamSource> sources = List.of(KEYWORD, SHELL, SEA, HUM, SENTENCE);
        for (StreamStretch s : stretches) {
            StreamSource source = sources.stream().filter(x -> x.id().equals(s.sourceId())).findFirst().orElseThrow();
            assertEquals(source.label(), s.label(), s.sourceId());
            assertEquals(source == KEYWORD, s.keyword(), s.sourceId());
        }
        for (String label : List.of("shell", "sea", StreamSource.BACKGROUND, StreamSource.SYNTHETIC_SPEECH)) {
            assertTrue(stream.pieces(label) > 0, label);
        }
    }

    @Test
    void keywordsAreWholeClipsWhereTheStreamSaysAfterTheLeastGap() {
        VariedStream stream = BUILDER.build(2, 80);
        List<StreamStretch> keywordPieces = stream.stretches().stream().filter(StreamStretch::keyword).toList();
        assertTrue(stream.keywords().size() >= 3, stream.keywords().size() + " keywords");
        assertEquals(keywordPieces.size(), stream.keywords().size());
        long previousEnd = 0;
        for (int i = 0; i < keywordPieces.size(); i++) {
            StreamStretch piece = keywordPieces.get(i);
            KeywordOccurrence k = stream.keywords().get(i);
            assertEquals(piece.startSample(), k.startSample());
            assertEquals(piece.endSample(), k.endSample());
            assertEquals(KEYWORD.samples().length, k.endSample() - k.startSample(), "a whole clip");
            assertTrue(k.startSample() - previousEnd >= KeywordStreamBuilder.MIN_KEYWORD_GAP_SECONDS * RATE,
                    "keyword " + i + " after " + (k.startSample() - previousEnd) + " samples");
            previousEnd = k.endSample();
        }
    }

    @Test
    void withoutKeywordsTheStreamHoldsNone() {
        VariedStream stream = new VariedStreamBuilder(new VariedStreamBuilder.Material(List.of(), List.of(SHELL),
                List.of(), List.of()), NoiseBank.empty(), 1).build(0, 10);
        assertTrue(stream.keywords().isEmpty());
        assertTrue(stream.stretches().stream().allMatch(s -> s.sourceId().equals(SHELL.id())));
    }

    @Test
    void materialWithoutNegativeAudioIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VariedStreamBuilder.Material(List.of(KEYWORD),
                List.of(), List.of(), List.of()));
    }
}
