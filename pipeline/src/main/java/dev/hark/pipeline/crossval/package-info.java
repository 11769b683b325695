/**
 * Cross-validation by speaker: every clip of a corpus tested exactly once per training seed, by models trained on the
 * other speakers, and the models compared on the very same clips (paired bootstrap, McNemar).
 */
package dev.hark.pipeline.crossval;
