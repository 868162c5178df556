package dev.outreach.core.filter;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Chooses attribute constraints one at a time by the id-list bytes they save (the customers they
 * keep out, who would otherwise be listed in {@code exclude_ids}), less the bytes they add.
 *
 * <p>Savings are estimated on one evenly spaced sample of the customers to keep out, tested against
 * every candidate once and kept as bit sets, so a round costs a few word operations per candidate.
 * The chosen constraint is then applied to every customer exactly: the sample decides which filters
 * are tried, never which customers a filter selects. Deterministic, so plans are too.
 */
final class GreedyCover {
  private GreedyCover() {}

  /**
   * Adds to {@code chosen} the constraints worth their bytes, in the order chosen, and leaves in
   * {@code extras[0, returned)} the customers none of them keeps out; -1 when {@code budget} cannot
   * pay for the sample. A constraint whose exact application the budget cannot pay for is not
   * chosen.
   *
   * @param candidates each with its selection; a chosen one's whole family ({@link
   *     FilterCompiler#family}) leaves the race
   */
  static int choose(
      Snapshot index,
      List<Candidate> candidates,
      List<Selection> selections,
      int[] extras,
      int size,
      int sample,
      List<Candidate> chosen,
      SearchBudget budget) {
    int k = candidates.size();
    if (k == 0 || size == 0) {
      return size;
    }
    int stride = Math.max(1, size / sample);
    int n = (size + stride - 1) / stride;
    if (!budget.spend((long) k * n)) {
      return -1;
    }
    int words = (n + 63) >>> 6;
    int[] weight = new int[n];
    for (int j = 0; j < n; j++) {
      weight[j] = index.weight(extras[j * stride]);
    }
    long[][] keptOut = new long[k][words];
    for (int c = 0; c < k; c++) {
      IntPredicate test = selections.get(c).test();
      long[] bits = keptOut[c];
      for (int j = 0; j < n; j++) {
        if (!test.test(extras[j * stride])) {
          bits[j >>> 6] |= 1L << j;
        }
      }
    }
    long[] alive = new long[words];
    for (int j = 0; j < n; j++) {
      alive[j >>> 6] |= 1L << j;
    }
    boolean[] out = new boolean[k];
    while (size > 0) {
      int best = -1;
      long bestGain = 0;
      for (int c = 0; c < k; c++) {
        if (out[c]) {
          continue;
        }
        long saved = 0;
        long[] bits = keptOut[c];
        for (int i = 0; i < words; i++) {
          for (long b = bits[i] & alive[i]; b != 0; b &= b - 1) {
            saved += weight[(i << 6) + Long.numberOfTrailingZeros(b)];
          }
        }
        long gain = saved * stride - candidates.get(c).cost();
        if (gain > bestGain) {
          best = c;
          bestGain = gain;
        }
      }
      if (best < 0 || !budget.spend(size)) {
        break;
      }
      chosen.add(candidates.get(best));
      for (int i = 0; i < words; i++) {
        alive[i] &= ~keptOut[best][i];
      }
      IntPredicate taken = selections.get(best).test();
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (taken.test(extras[i])) {
          extras[kept++] = extras[i];
        }
      }
      size = kept;
      String family = FilterCompiler.family(candidates.get(best).key());
      for (int c = 0; c < k; c++) {
        out[c] |= FilterCompiler.family(candidates.get(c).key()).equals(family);
      }
    }
    return size;
  }
}
