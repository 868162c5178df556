package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.filter.Filters;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds customers a plan would contact twice on one channel: in two initiate steps of the channel,
 * or (for calls) in an initiate step and a batch campaign, or two campaigns; and two steps of a
 * channel with the same attribute filters, which select the same customers whatever their {@code
 * customerIds} say.
 */
final class ChannelOverlap {
  private final Map<Channel, Map<String, String>> stepOf = new EnumMap<>(Channel.class);
  private final Map<Channel, Map<Filters, String>> byFilters = new EnumMap<>(Channel.class);

  /** Notes that {@code step} contacts {@code customers} selected by {@code filters} (or null). */
  void add(Step step, String where, Collection<String> customers, Filters filters, Findings f) {
    Channel channel = step.kind().channel();
    Map<String, String> seen = stepOf.computeIfAbsent(channel, c -> new HashMap<>());
    Map<String, Set<String>> twice = new TreeMap<>();
    for (String c : customers) {
      String other = seen.putIfAbsent(c, step.id());
      if (other != null && !other.equals(step.id())) {
        twice.computeIfAbsent(other, k -> new TreeSet<>()).add(c);
      }
    }
    twice.forEach(
        (other, ids) ->
            f.add(
                step.id(),
                where + ".customerIds",
                ids.size()
                    + " customer(s) are also"
                    + " in step "
                    + other
                    + ", so they would be contacted twice on "
                    + channel
                    + ": "
                    + Findings.sample(ids),
                "keep each customer in one step per channel, or plan again"));
    if (filters != null && filters.ids() == null) {
      String other =
          byFilters.computeIfAbsent(channel, c -> new HashMap<>()).putIfAbsent(filters, step.id());
      if (other != null) {
        f.add(
            step.id(),
            where + ".body.filters",
            "are the filters of step "
                + other
                + ", so both select the same"
                + " customers and would contact them twice on "
                + channel,
            "plan again");
      }
    }
  }
}
