/**
 * Putting a model on a real board: the board's firmware image built from the model and written into its flash with
 * OpenOCD ({@link dev.hark.pipeline.flash.FlashStage}).
 */
package dev.hark.pipeline.flash;
