/**
 * Scoring clips with a float network and its int8 twin: one loop ({@link dev.hark.pipeline.scoring.ClipScores}),
 * one way to make the two scorers ({@link dev.hark.pipeline.scoring.ModelScorers}), and the figures that compare
 * them ({@link dev.hark.pipeline.scoring.FloatAndInt8Scores}).
 */
package dev.hark.pipeline.scoring;
