/**
 * {@code hark evaluate}: a model on recordings a user names, measured as the report measures a test split, with
 * breakdowns of the errors, an optional run through the firmware and a quality gate for builds.
 */
package dev.hark.pipeline.evaluate;
