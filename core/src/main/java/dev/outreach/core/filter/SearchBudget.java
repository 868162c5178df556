package dev.outreach.core.filter;

/**
 * The work the compact search may do for one group: a unit is one customer tested against one
 * constraint, or one customer visited. It grows with the group (never with the snapshot), so
 * compiling every group of a plan costs at most a constant times the customers contacted; a group
 * whose search would cost more gets an {@code ids} body instead.
 */
final class SearchBudget {
  /** Units every group may spend, however small. */
  static final long FLOOR = 1L << 16;

  /** Units each member of a group adds. */
  static final long PER_MEMBER = 512;

  private long left;

  private SearchBudget(long units) {
    this.left = units;
  }

  static SearchBudget forAudience(int members) {
    return new SearchBudget(FLOOR + PER_MEMBER * members);
  }

  /** Takes {@code units}; false when fewer are left, and then the budget is spent. */
  boolean spend(long units) {
    if (units > left) {
      left = 0;
      return false;
    }
    left -= units;
    return true;
  }

  boolean exhausted() {
    return left <= 0;
  }
}
