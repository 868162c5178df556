package dev.outreach.rules;

import dev.outreach.core.Customer;
import java.util.Objects;

/**
 * The experiment arm a customer is in, one fact per customer per experiment, so champion and
 * challenger strategies can be written side by side:
 *
 * <pre>
 * rule "Challenger: WhatsApp instead of SMS"
 * when
 *     Arm( experiment == "tone", name == "challenger", $c : customer )
 * ...
 * </pre>
 *
 * <p>Matching from the arm (rather than joining {@code Customer} to {@code Arm}) is the fast form.
 */
public record Arm(String experiment, String name, Customer customer) {
  public Arm {
    Objects.requireNonNull(experiment, "experiment == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(customer, "customer == null");
  }

  /** The loan id of the customer in this arm. */
  public String customerId() {
    return customer.loanId();
  }
}
