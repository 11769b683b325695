/**
 * The first stages: the clips (a Speech Commands folder or the synthetic corpus) and their int8 log-mel features,
 * cached per split.
 */
package dev.hark.pipeline.data;
