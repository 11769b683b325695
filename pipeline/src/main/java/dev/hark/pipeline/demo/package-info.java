/**
 * The demo: every stage in turn, ending with a short text report.
 */
package dev.hark.pipeline.demo;
