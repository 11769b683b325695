/**
 * Training the float CRNN, reusing a saved model only when it was trained with the same settings.
 */
package dev.hark.pipeline.train;
