package dev.outreach.core.filter;

import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The snapshot's customers one attribute constraint selects, found through a {@link SnapshotIndex}:
 * how many, the bytes their loan ids take in an id list, a test by customer position, and (on
 * demand, as it costs {@code count}) the positions themselves, ascending.
 */
record Selection(int count, long weight, IntPredicate test, Supplier<int[]> members) {}
