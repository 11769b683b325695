/**
 * hark's code generator: turns a quantized model into C sources that call CMSIS-NN and hark's glue kernels,
 * making exactly the calls {@code dev.hark.sim.net.NetworkSimulator} makes. Entry point:
 * {@link dev.hark.codegen.CodeGenerator#generate(CodegenConfig)}.
 *
 * <p>Sub-packages: {@code build} decides everything (names, shapes, constants, calls, buffer lifetimes),
 * {@code model} holds the immutable program model it produces, {@code plan} places buffers in the static arena,
 * and {@code writer} renders the model with FreeMarker (one template per model class) and writes the files.
 */
package dev.hark.codegen;
