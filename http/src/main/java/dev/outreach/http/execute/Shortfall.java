package dev.outreach.http.execute;

import dev.outreach.http.journal.Result;

/**
 * Compares what a success reply says it did with what the step planned: fewer is {@link
 * Result#SHORT} (the API does not name the ones it left out); more is done, with a warning in the
 * message.
 */
final class Shortfall {
  static final String MORE = "more than the step planned";

  private Shortfall() {}

  /**
   * @param planned the step's audience (its customers, or its records for an upload)
   * @param verb what the API did to them, e.g. {@code initiated}
   * @param details the reply's counts, for the message
   */
  static Attempt check(Attempt a, int planned, String noun, String verb, String details) {
    if (a.result() != Result.DONE || a.succeeded().isEmpty()) {
      return a;
    }
    int done = a.succeeded().getAsInt();
    if (done < planned) {
      return a.as(Result.SHORT)
          .withMessage(
              "HTTP "
                  + a.status().orElse(0)
                  + " but the API "
                  + verb
                  + " "
                  + done
                  + " of the "
                  + planned
                  + " "
                  + noun
                  + " planned and did not name the other "
                  + (planned - done)
                  + " ("
                  + details
                  + "; \""
                  + a.message()
                  + "\")");
    }
    if (done > planned) {
      return a.withMessage(
          a.message()
              + "; warning: the API reports "
              + done
              + " "
              + noun
              + " "
              + verb
              + ", "
              + MORE
              + " ("
              + planned
              + "; "
              + details
              + ")");
    }
    return a;
  }
}
