package dev.outreach.http.client;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How one endpoint's replies are read into an {@link ApiOutcome}: what its bodies carry, and the
 * few places where endpoints differ.
 *
 * @param decode the content of a reply body: empty when the body lawfully carries none (an initiate
 *     reply without {@code results}); throws a {@link RuntimeException} when what it carries cannot
 *     be read
 * @param nothingTookEffect whether a 5xx body proves that nothing took effect
 * @param only503WithRetryAfterThrottles whether a 503 proves "not processed" only with a {@code
 *     Retry-After} (initiate: a gateway's bare 503 may follow a request the server took)
 * @param empty204IsReadable whether a 204 with an empty body is a readable reply ({@code {}})
 * @param unreadable how a 2xx whose content cannot be read is described
 * @param unknownMeans what an {@link ApiOutcome.Unknown} means for this endpoint
 */
record Reading<T>(
    Function<JsonObject, Optional<T>> decode,
    Predicate<JsonObject> nothingTookEffect,
    boolean only503WithRetryAfterThrottles,
    boolean empty204IsReadable,
    String unreadable,
    String unknownMeans) {

  Reading {
    Objects.requireNonNull(decode, "decode == null");
    Objects.requireNonNull(nothingTookEffect, "nothingTookEffect == null");
    Objects.requireNonNull(unreadable, "unreadable == null");
    Objects.requireNonNull(unknownMeans, "unknownMeans == null");
  }

  /**
   * An endpoint whose 2xx replies must carry what {@code decode} reads (a {@code null} or an
   * exception means unreadable).
   */
  static <T> Reading<T> of(
      Function<JsonObject, T> decode, Predicate<JsonObject> nothingTookEffect) {
    return new Reading<>(
        json -> Optional.of(Objects.requireNonNull(decode.apply(json))),
        nothingTookEffect,
        false,
        true,
        "it lacks the documented fields",
        "the request may or may not have taken effect");
  }

  /** The content of a body that is not a success: empty when it cannot be read. */
  Optional<T> lenient(JsonObject json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return decode.apply(json);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
