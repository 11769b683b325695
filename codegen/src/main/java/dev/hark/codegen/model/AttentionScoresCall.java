package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * One {@code hark_attention_scores_s8} call: the attention's energy projection, its tanh and the score projection
 * in one pass, the energies not stored.
 *
 * @param energy     C name of the energy projection's {@code hark_fc_s8_params}
 * @param table      C name of the tanh table
 * @param score      C name of the score projection's {@code hark_fc_s8_params}
 * @param steps      steps (rows of hidden states)
 * @param hiddenSize hidden values a step
 * @param energySize energies a step
 */
public record AttentionScoresCall(Comment comment, String energy, String table, String score, int steps,
                                  int hiddenSize, int energySize, String input, String output)
        implements ModelElement {
}
