/**
 * The model rendered as C and the harness firmware built for each target.
 */
package dev.hark.pipeline.firmware;
