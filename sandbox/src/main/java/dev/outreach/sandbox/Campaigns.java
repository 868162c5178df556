package dev.outreach.sandbox;

import dev.outreach.core.Customer;
import dev.outreach.core.filter.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The campaigns and their customers, in the order customers were added (the order the sandbox
 * selects them in). Selecting and recording an initiation happen under one lock, so concurrent
 * requests see each other whole. Thread-safe.
 */
final class Campaigns {
  /** What an initiate request selected and what became of it. */
  record Selection(int matched, List<Customer> initiated, List<Customer> failed) {
    int selected() {
      return initiated.size() + failed.size();
    }
  }

  private final Map<String, Map<String, Customer>> campaigns = new LinkedHashMap<>();

  /** Each campaign's loan ids by the place they were added at (an update keeps its place). */
  private final Map<String, Map<String, Integer>> positions = new HashMap<>();

  private final Ledger ledger;

  Campaigns(Map<String, List<Customer>> initial, Ledger ledger) {
    this.ledger = ledger;
    initial.forEach(
        (id, customers) -> {
          Map<String, Customer> byId = new LinkedHashMap<>();
          Map<String, Integer> order = new HashMap<>();
          for (Customer c : customers) {
            if (byId.put(c.loanId(), c) != null) {
              throw new IllegalArgumentException(
                  "campaign " + id + " lists loan id " + c.loanId() + " twice");
            }
            order.put(c.loanId(), order.size());
          }
          campaigns.put(id, byId);
          positions.put(id, order);
        });
  }

  synchronized boolean exists(String campaignId) {
    return campaigns.containsKey(campaignId);
  }

  /** The campaign's customers now, or {@code null} when there is no such campaign. */
  synchronized List<Customer> customers(String campaignId) {
    Map<String, Customer> c = campaigns.get(campaignId);
    return c == null ? null : List.copyOf(c.values());
  }

  /**
   * Selects the customers {@code filters} match (at most {@code limit}, {@code null} for all), in
   * campaign order, fails the first {@code failFirst} of them and initiates the rest with {@code
   * initiation}, atomically.
   *
   * @throws Problem 404 when the campaign does not exist or no customer matches
   */
  synchronized Selection initiate(
      String campaignId,
      Filters filters,
      Integer limit,
      int failFirst,
      Function<Customer, Initiation> initiation) {
    Map<String, Customer> customers = campaigns.get(campaignId);
    if (customers == null) {
      throw new Problem(404, "campaign not found: " + campaignId);
    }
    List<Customer> matched = matching(campaignId, customers, filters);
    if (matched.isEmpty()) {
      throw new Problem(404, "no customers matched the filters in campaign " + campaignId);
    }
    List<Customer> taken =
        limit == null ? matched : matched.subList(0, Math.min(limit, matched.size()));
    int failing = Math.min(failFirst, taken.size());
    List<Customer> initiated = List.copyOf(taken.subList(failing, taken.size()));
    ledger.initiated(initiated.stream().map(initiation).toList());
    return new Selection(matched.size(), initiated, List.copyOf(taken.subList(0, failing)));
  }

  /**
   * The customers {@code filters} select, in campaign order. With {@code ids}, only those are
   * looked at (then put in campaign order), so a request naming a few customers of a large campaign
   * stays cheap.
   */
  private List<Customer> matching(
      String campaignId, Map<String, Customer> customers, Filters filters) {
    Predicate<Customer> filter = filters.matcher();
    List<Customer> matched = new ArrayList<>();
    if (filters.ids() == null) {
      for (Customer c : customers.values()) {
        if (filter.test(c)) {
          matched.add(c);
        }
      }
      return matched;
    }
    Map<String, Integer> order = positions.get(campaignId);
    for (String id : new LinkedHashSet<>(filters.ids())) {
      Customer c = customers.get(id);
      if (c != null && filter.test(c)) {
        matched.add(c);
      }
    }
    matched.sort(Comparator.comparing(c -> order.get(c.loanId())));
    return matched;
  }

  /** {@code update} with the custom attributes of {@code old} it does not set itself. */
  private static Customer keepCustom(Customer old, Customer update) {
    Map<String, Object> custom = new LinkedHashMap<>(old.custom());
    custom.putAll(update.custom());
    return new Customer(
        update.loanId(),
        update.firstName(),
        update.lastName(),
        update.phoneNumber(),
        update.loanAmount(),
        update.emiAmount(),
        update.loanPeriod(),
        update.currentEmi(),
        update.emiDueDate(),
        update.paymentStatus(),
        update.language(),
        update.leadId(),
        update.leadDate(),
        custom);
  }

  /**
   * Adds each customer to the campaign, or replaces the one with its loan id (keeping its place),
   * then records {@code initiations}, atomically. An update keeps the custom attributes it does not
   * set. The campaign must exist.
   */
  synchronized void upsert(
      String campaignId, List<Customer> customers, List<Initiation> initiations) {
    Map<String, Customer> byId = campaigns.get(campaignId);
    if (byId == null) {
      throw new Problem(404, "campaign not found: " + campaignId);
    }
    Map<String, Integer> order = positions.get(campaignId);
    for (Customer c : customers) {
      order.putIfAbsent(c.loanId(), order.size());
      Customer old = byId.get(c.loanId());
      byId.put(c.loanId(), old == null || old.custom().isEmpty() ? c : keepCustom(old, c));
    }
    ledger.initiated(initiations);
  }
}
