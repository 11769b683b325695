package dev.hark.trainer.features;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.ClipFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of clips a user names to run through a network, each file one clip, in file-name order:
 * <ul>
 *   <li>{@code *.wav}: 16 kHz mono 16-bit PCM, padded or cropped (centred) to one second and put through the
 *       integer front end, exactly as training reads its clips ({@link ClipFile#load()}, {@link LogMelFrontend});
 *       the network must take the front end's {@code 101 x 40} features;</li>
 *   <li>{@code *}{@value #FEATURES_SUFFIX}: the network's int8 features themselves, {@code frames x mel bins} bytes,
 *       frame by frame.</li>
 * </ul>
 * Other files are left alone.
 */
public final class ClipFolder {
    /** The file name ending of a clip's raw int8 features. */
    public static final String FEATURES_SUFFIX = ".features";
    /** The file name ending of a WAV clip. */
    public static final String WAV_SUFFIX = ".wav";

    /**
     * One clip.
     *
     * @param id       its file name
     * @param features {@code [frames][mel bins]} int8
     */
    public record NamedFeatures(String id, byte[] features) {
    }

    private ClipFolder() {
    }

    /**
     * @param frames  the network's feature frames per clip
     * @param melBins the network's mel bins per frame
     * @throws IllegalArgumentException naming the folder or file: no such folder, no clip in it, or a clip that
     *                                  does not fit the network
     * @throws dev.hark.sim.audio.AudioFormatException naming the file, for a WAV file in another format
     * @throws IOException if a file cannot be read
     */
    public static List<NamedFeatures> read(Path folder, int frames, int melBins) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + ": " + (Files.exists(folder) ? "not a folder" : "no such folder")
                    + " of clips");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && (name.endsWith(WAV_SUFFIX) || name.endsWith(FEATURES_SUFFIX))) {
                    files.add(file);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(folder + ": no clips (" + WAV_SUFFIX + " or " + FEATURES_SUFFIX
                    + " files)");
        }
        files.sort(null);
        List<NamedFeatures> clips = new ArrayList<>(files.size());
        LogMelFrontend frontend = new LogMelFrontend();
        for (Path file : files) {
            String name = file.getFileName().toString();
            byte[] features;
            if (name.endsWith(WAV_SUFFIX)) {
                int wavFrames = LogMelFrontend.frameCount(Clip.LENGTH);
                if (frames != wavFrames || melBins != FrontendConfig.MEL_BINS) {
                    throw new IllegalArgumentException(file + ": a WAV clip gives " + wavFrames + " frames x "
                            + FrontendConfig.MEL_BINS + " mel bins of features, the network takes " + frames + " x "
                            + melBins + "; give its features as a " + FEATURES_SUFFIX + " file");
                }
                features = frontend.compute(new ClipFile(file, "", "").load().samples());
            } else {
                features = Files.readAllBytes(file);
                if (features.length != frames * melBins) {
                    throw new IllegalArgumentException(file + ": " + features.length + " bytes, the network takes "
                            + frames + " frames x " + melBins + " mel bins = " + frames * melBins + " int8 features");
                }
            }
            clips.add(new NamedFeatures(name, features));
        }
        return clips;
    }
}
