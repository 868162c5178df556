package dev.outreach.http.sandbox;

import dev.outreach.core.Customer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The campaigns and their customers, in the order customers were added (the order the sandbox selects
 * them in). Selecting and recording an initiation happen under one lock, so concurrent requests see each
 * other whole. Thread-safe.
 */
final class Campaigns {
  /** What an initiate request selected and what became of it. */
  record Selection(int matched, List<Customer> initiated, List<Customer> failed) {
    int selected() {
      return initiated.size() + failed.size();
    }
  }

  private final Map<String, Map<String, Customer>> campaigns = new LinkedHashMap<>();
  private final Ledger ledger;

  Campaigns(Map<String, List<Customer>> initial, Ledger ledger) {
    this.ledger = ledger;
    initial.forEach((id, customers) -> {
      Map<String, Customer> byId = new LinkedHashMap<>();
      for (Customer c : customers) {
        if (byId.put(c.loanId(), c) != null) {
          throw new IllegalArgumentException("campaign " + id + " lists loan id " + c.loanId() + " twice");
        }
      }
      campaigns.put(id, byId);
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
   * Selects the customers {@code filter} matches (at most {@code limit}, {@code null} for all), fails the
   * first {@code failFirst} of them and initiates the rest with {@code initiation}, atomically.
   *
   * @throws Problem 404 when the campaign does not exist or no customer matches
   */
  synchronized Selection initiate(String campaignId, Predicate<Customer> filter, Integer limit, int failFirst,
      Function<Customer, Initiation> initiation) {
    Map<String, Customer> customers = campaigns.get(campaignId);
    if (customers == null) {
      throw new Problem(404, "campaign not found: " + campaignId);
    }
    List<Customer> matched = new ArrayList<>();
    for (Customer c : customers.values()) {
      if (filter.test(c)) {
        matched.add(c);
      }
    }
    if (matched.isEmpty()) {
      throw new Problem(404, "no customers matched the filters in campaign " + campaignId);
    }
    List<Customer> taken = limit == null ? matched : matched.subList(0, Math.min(limit, matched.size()));
    int failing = Math.min(failFirst, taken.size());
    List<Customer> initiated = List.copyOf(taken.subList(failing, taken.size()));
    ledger.initiated(initiated.stream().map(initiation).toList());
    return new Selection(matched.size(), initiated, List.copyOf(taken.subList(0, failing)));
  }

  /** {@code update} with the custom attributes of {@code old} it does not set itself. */
  private static Customer keepCustom(Customer old, Customer update) {
    Map<String, Object> custom = new LinkedHashMap<>(old.custom());
    custom.putAll(update.custom());
    return new Customer(update.loanId(), update.firstName(), update.lastName(), update.phoneNumber(),
        update.loanAmount(), update.emiAmount(), update.loanPeriod(), update.currentEmi(), update.emiDueDate(),
        update.paymentStatus(), update.language(), update.leadId(), update.leadDate(), custom);
  }

  /**
   * Adds each customer to the campaign, or replaces the one with its loan id (keeping its place), then
   * records {@code initiations}, atomically. An update keeps the custom attributes it does not set. The
   * campaign must exist.
   */
  synchronized void upsert(String campaignId, List<Customer> customers, List<Initiation> initiations) {
    Map<String, Customer> byId = campaigns.get(campaignId);
    if (byId == null) {
      throw new Problem(404, "campaign not found: " + campaignId);
    }
    for (Customer c : customers) {
      Customer old = byId.get(c.loanId());
      byId.put(c.loanId(), old == null || old.custom().isEmpty() ? c : keepCustom(old, c));
    }
    ledger.initiated(initiations);
  }
}
