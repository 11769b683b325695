/**
 * From a {@code QuantizedModel} to the program model: one emitter per layer kind adds its constants, its calls and
 * its buffers' lifetimes to a shared {@code Assembly}; {@link dev.hark.codegen.build.SourcesBuilder} plans the
 * arena and assembles the files.
 */
package dev.hark.codegen.build;
