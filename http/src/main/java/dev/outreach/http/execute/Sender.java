package dev.outreach.http.execute;

import dev.outreach.core.plan.Step;
import java.util.Optional;

/** Sends one attempt of a kind of step and reads the reply as an {@link Attempt}. */
interface Sender {

  /**
   * The endpoint as a low-cardinality template, e.g. {@code /api/v1/initiate/{campaignId}/calls}.
   */
  String endpoint(Step step);

  /** Sends {@code step} once to {@code path} (the step's path with placeholders resolved). */
  Attempt send(Step step, String path, String key);

  /**
   * Whether the endpoint is idempotent by key or by nature, so that a request whose outcome is
   * unknown may be sent again without doing anything twice.
   */
  boolean idempotent(Step step);

  /** Whether {@link #reconcile} can tell if a request whose outcome is unknown took effect. */
  default boolean reconcilable(Step step) {
    return false;
  }

  /**
   * For a request whose outcome is unknown: asks the API (with a {@code GET}) whether it took
   * effect. Empty when this endpoint has no way to tell; such a request is never sent again.
   */
  default Optional<Reconciliation> reconcile(Step step, String path) {
    return Optional.empty();
  }
}
