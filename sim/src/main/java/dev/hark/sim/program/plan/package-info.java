/**
 * Static memory planning: buffers with sizes and lifetimes in, arena offsets and the peak out
 * ({@link dev.hark.sim.program.plan.MemoryPlanner}), with a greedy planner, a linear baseline, an overlap check and a
 * printable plan.
 */
package dev.hark.sim.program.plan;
