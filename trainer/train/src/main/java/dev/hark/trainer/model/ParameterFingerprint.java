package dev.hark.trainer.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a block's parameter names and float values: what a run that starts from, or learns from, another
 * model records in its checkpoint settings, so it cannot be resumed against a different model.
 */
public final class ParameterFingerprint {
    private ParameterFingerprint() {
    }

    public static String of(Block block) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Pair<String, Parameter> p : block.getParameters()) {
                d.update(p.getKey().getBytes(StandardCharsets.UTF_8));
                float[] v = p.getValue().getArray().toFloatArray();
                ByteBuffer b = ByteBuffer.allocate(v.length * 4);
                b.asFloatBuffer().put(v);
                d.update(b.array());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
