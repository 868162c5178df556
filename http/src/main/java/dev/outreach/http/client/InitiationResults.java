package dev.outreach.http.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code results} object of an initiate response: what the server says it did.
 *
 * @param totalMatched customers of the campaign the filters matched
 * @param customersSelected of those, the customers taken (at most {@code limit})
 * @param initiated customers a call or message was initiated for
 * @param failed customers whose initiation failed
 * @param batchesProcessed batches the server split the work into
 * @param errors the server's per-customer errors, in its order; empty when none were given
 */
public record InitiationResults(
    int totalMatched,
    int customersSelected,
    int initiated,
    int failed,
    int batchesProcessed,
    List<CustomerError> errors) {

  public InitiationResults {
    errors = List.copyOf(errors);
  }

  /** The loan ids the server reported errors for, in its order; empty when it named none. */
  public List<String> failedCustomerIds() {
    return errors.stream().flatMap(e -> e.customerId().stream()).toList();
  }

  /**
   * One entry of {@code results.errors}. The API does not document its shape, so it is read
   * leniently: a string is a message; an object gives its customer from {@code id}, {@code
   * loan_id}, {@code loanId} or {@code customerId} and its message from {@code message}, {@code
   * error} or {@code reason} (else the whole object as JSON).
   *
   * @param customerId the loan id the error is about, when the server named one
   * @param message what went wrong, never {@code null}
   */
  public record CustomerError(Optional<String> customerId, String message) {
    public CustomerError {
      Objects.requireNonNull(customerId, "customerId == null");
      Objects.requireNonNull(message, "message == null");
    }
  }
}
