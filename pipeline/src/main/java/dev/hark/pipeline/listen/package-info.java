/**
 * Listening to a recording: the Java listener over a WAV file with its score trace and chart, and the same audio
 * through the listening firmware, compared with it ({@link dev.hark.pipeline.listen.ListenStage}); the settings a
 * model listens with and their defaults ({@link dev.hark.pipeline.listen.ListeningSettings}).
 */
package dev.hark.pipeline.listen;
