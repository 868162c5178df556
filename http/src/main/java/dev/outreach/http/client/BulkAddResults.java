package dev.outreach.http.client;

import dev.outreach.http.client.InitiationResults.CustomerError;
import java.util.List;

/**
 * The {@code results} object of a bulk add response: what the server says it did with the records.
 *
 * @param total records received
 * @param valid records that passed validation
 * @param invalid records that failed validation
 * @param successful records added or updated
 * @param failed records not added
 * @param batchesProcessed batches the server split the work into
 * @param errors the server's per-record errors, in its order (read as leniently as initiate errors)
 */
public record BulkAddResults(
    int total,
    int valid,
    int invalid,
    int successful,
    int failed,
    int batchesProcessed,
    List<CustomerError> errors) {

  public BulkAddResults {
    errors = List.copyOf(errors);
  }

  /** The loan ids the server reported errors for, in its order; empty when it named none. */
  public List<String> failedCustomerIds() {
    return errors.stream().flatMap(e -> e.customerId().stream()).toList();
  }
}
