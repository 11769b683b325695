/**
 * The HTML evaluation report of a float model and its int8 twin.
 */
package dev.hark.pipeline.report;
