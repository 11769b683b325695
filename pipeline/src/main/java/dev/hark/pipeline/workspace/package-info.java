/**
 * The workspace: where one run keeps every stage's output, and the check that a workspace serves one data set
 * and keyword ({@link dev.hark.pipeline.workspace.Workspace}).
 */
package dev.hark.pipeline.workspace;
