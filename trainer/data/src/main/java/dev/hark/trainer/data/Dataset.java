package dev.hark.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Clips grouped by {@link Split} for one keyword: a clip is positive exactly when its word equals the keyword
 * (every other word, and noise, is negative). Speakers never cross splits, by {@link SpeakerSplit}.
 */
public final class Dataset {
    private final String keyword;
    private final Map<Split, List<ClipFile>> bySplit;

    private Dataset(String keyword, Map<Split, List<ClipFile>> bySplit) {
        this.keyword = keyword;
        this.bySplit = bySplit;
    }

    /** Groups {@code clips} (order kept within each split). */
    public static Dataset of(List<ClipFile> clips, String keyword, SpeakerSplit split) {
        Objects.requireNonNull(keyword, "keyword");
        Map<Split, List<ClipFile>> groups = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            groups.put(s, new ArrayList<>());
        }
        for (ClipFile c : clips) {
            groups.get(split.of(c.speaker())).add(c);
        }
        Map<Split, List<ClipFile>> frozen = new EnumMap<>(Split.class);
        groups.forEach((k, v) -> frozen.put(k, Collections.unmodifiableList(v)));
        return new Dataset(keyword, frozen);
    }

    /** All clips of a folder, split with the default 80/10/10 rule. */
    public static Dataset of(SpeechCommandsFolder folder, String keyword) {
        return of(folder.clips(), keyword, SpeakerSplit.defaultSplit());
    }

    public String keyword() {
        return keyword;
    }

    public List<ClipFile> clips(Split split) {
        return bySplit.get(split);
    }

    /** The training label: true for the keyword. */
    public boolean isKeyword(ClipFile clip) {
        return clip.word().equals(keyword);
    }

    /** Number of keyword clips in a split. */
    public int positives(Split split) {
        return (int) bySplit.get(split).stream().filter(this::isKeyword).count();
    }
}
