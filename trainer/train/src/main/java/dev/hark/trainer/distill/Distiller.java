package dev.hark.trainer.distill;

import ai.djl.Model;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;
import dev.hark.trainer.train.CrnnTrainer;
import dev.hark.trainer.train.CrossEntropyObjective;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import dev.hark.trainer.train.TrainingResult;
import java.util.List;

/**
 * Knowledge distillation of a CRNN into a student of any shape ({@link CrnnConfig}: conv channels, kernel,
 * stride, GRU hidden size and layers, attention or last step). Training is {@link CrnnTrainer}'s, with all it
 * brings: per-epoch features, the best dev epoch kept, checkpoints and resume in
 * {@link TrainingOptions#runDirectory()}. Two-stage distillation is two calls: the first student becomes the
 * second one's teacher.
 */
public final class Distiller {
    private Distiller() {
    }

    /**
     * Trains a new student of shape {@code student} (its input standardization is measured on {@code train}
     * unless set) against {@code teacher}. The hard term is cross-entropy, class-weighted when
     * {@code options.balanceClasses()}.
     *
     * @param teacher a trained model; only read
     * @throws IllegalArgumentException if a set is empty or the teacher and student disagree on input or classes
     */
    public static TrainedCrnn distill(Model teacher, CrnnConfig student, TrainingFeatures train, List<Example> dev,
                                      TensorQuant inputQuant, TrainingOptions options,
                                      DistillationOptions distillation) {
        return distill(teacher, student, train, dev, inputQuant, options, distillation, false);
    }

    /**
     * {@link #distill(Model, CrnnConfig, TrainingFeatures, List, TensorQuant, TrainingOptions, DistillationOptions)},
     * with the student's convolution trained as RepVGG-style branches when {@code branchedConv}, folded into the
     * plain student's convolution when its weights are read.
     */
    public static TrainedCrnn distill(Model teacher, CrnnConfig student, TrainingFeatures train, List<Example> dev,
                                      TensorQuant inputQuant, TrainingOptions options,
                                      DistillationOptions distillation, boolean branchedConv) {
        requireSameTask(teacher, student);
        DistillationObjective objective = new DistillationObjective(teacher, distillation,
                CrossEntropyObjective.of(options, train, student.classes()));
        return CrnnTrainer.trainNew(student, train, dev, inputQuant, options, objective, branchedConv);
    }

    /**
     * Trains an existing student on against {@code teacher}, in place (as {@link CrnnTrainer#train} trains a model
     * on), with the loss of {@link #distill}; the student keeps its input standardization.
     *
     * @param student a model holding an initialized {@code CrnnBlock}, plain or branched
     * @throws IllegalArgumentException if teacher and student disagree on input or classes, or a set is empty
     */
    public static TrainingResult distillOnto(Model teacher, Model student, TrainingFeatures train, List<Example> dev,
                                             TensorQuant inputQuant, TrainingOptions options,
                                             DistillationOptions distillation) {
        CrnnConfig s = CrnnModels.block(student).config();
        requireSameTask(teacher, s);
        DistillationObjective objective = new DistillationObjective(teacher, distillation,
                CrossEntropyObjective.of(options, train, s.classes()));
        return CrnnTrainer.train(student, train, dev, inputQuant, options, objective);
    }

    private static void requireSameTask(Model teacher, CrnnConfig student) {
        CrnnConfig t = CrnnModels.block(teacher).config();
        if (t.frames() != student.frames() || t.mels() != student.mels() || t.classes() != student.classes()) {
            throw new IllegalArgumentException("distillation: teacher takes " + t.frames() + "x" + t.mels()
                    + " features into " + t.classes() + " classes, the student " + student.frames() + "x"
                    + student.mels() + " into " + student.classes());
        }
    }
}
