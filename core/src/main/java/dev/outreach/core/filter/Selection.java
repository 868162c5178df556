package dev.outreach.core.filter;

import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The snapshot's customers one attribute constraint selects, found through a {@link Snapshot}: how
 * many, the bytes their loan ids take in an id list, a test by customer position, and (on demand,
 * as it costs {@code count}) the positions themselves, ascending. Count and bytes may be worked out
 * only when asked for.
 */
final class Selection {
  private final IntSupplier count;
  private final LongSupplier weight;
  private final IntPredicate test;
  private final Supplier<int[]> members;

  Selection(IntSupplier count, LongSupplier weight, IntPredicate test, Supplier<int[]> members) {
    this.count = count;
    this.weight = weight;
    this.test = test;
    this.members = members;
  }

  Selection(int count, long weight, IntPredicate test, Supplier<int[]> members) {
    this(() -> count, () -> weight, test, members);
  }

  int count() {
    return count.getAsInt();
  }

  long weight() {
    return weight.getAsLong();
  }

  IntPredicate test() {
    return test;
  }

  Supplier<int[]> members() {
    return members;
  }
}
