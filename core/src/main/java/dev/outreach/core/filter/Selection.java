package dev.outreach.core.filter;

import java.util.List;
import java.util.function.Function;
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
  private final Function<List<Filters>, int[]> listed;

  /**
   * @param listed the members, for a search that will test them with {@code probes} (one attribute
   *     constraint each) and no other constraint; a snapshot kept elsewhere finds out there how
   *     they fare
   */
  Selection(
      IntSupplier count,
      LongSupplier weight,
      IntPredicate test,
      Function<List<Filters>, int[]> listed) {
    this.count = count;
    this.weight = weight;
    this.test = test;
    this.members = () -> listed.apply(List.of());
    this.listed = listed;
  }

  Selection(int count, long weight, IntPredicate test, Supplier<int[]> members) {
    this.count = () -> count;
    this.weight = () -> weight;
    this.test = test;
    this.members = members;
    this.listed = probes -> members.get();
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

  /** The members, to be tested with {@code probes} alone (see the constructor). */
  int[] listed(List<Filters> probes) {
    return listed.apply(probes);
  }
}
