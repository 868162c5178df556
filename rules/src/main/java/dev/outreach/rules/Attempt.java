package dev.outreach.rules;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.PlanningDay;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.internal.CustomerZones;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One past contact attempt of a customer, a fact beside the {@link Customer} in the rules' session
 * (see {@link RuleSet#withHistory}), so a cadence is ordinary DRL:
 *
 * <pre>{@code
 * rule "Two unanswered calls this week: WhatsApp instead"
 * when
 *     $c : Customer( paymentStatus == "bounced" )
 *     Number( intValue >= 2 ) from accumulate(
 *         Attempt( customerId == $c.loanId, channel == Channel.CALL, outcome == "no_answer",
 *                  daysAgo <= 7 ), count(1) )
 * then
 *     insert( Decision.whatsapp($c).template("tpl_missed_you") );
 * end
 * }</pre>
 *
 * <p>Only attempts up to the plan's {@code asOf} are facts: planning as of an earlier day sees the
 * history as it stood then.
 *
 * @param customerId the customer's loan id
 * @param channel the channel of the attempt
 * @param at when it was made, at the customer's offset at that instant
 * @param daysAgo whole days before today, both days taken in the customer's zone: 0 for an attempt
 *     earlier today, 1 for one yesterday, whatever the hour
 * @param outcome what came of it, in lower case as the feed says ({@code initiated}, {@code
 *     failed}, {@code no_answer}, {@code answered}, {@code promise_to_pay}, {@code paid}, …), or
 *     {@code null} when the feed gave none
 * @param promisedDate the date a promise to pay named, or {@code null}
 * @param promisedAmount the amount a promise to pay named, or {@code null}
 */
public record Attempt(
    String customerId,
    Channel channel,
    OffsetDateTime at,
    int daysAgo,
    String outcome,
    LocalDate promisedDate,
    BigDecimal promisedAmount) {
  public Attempt {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(at, "at == null");
  }

  /** The facts for {@code customer}'s attempts in {@code history} up to {@code day}'s asOf. */
  static List<Attempt> of(ContactHistory history, Customer customer, PlanningDay day) {
    if (history.size() == 0) {
      return List.of();
    }
    List<ContactHistory.Attempt> past = history.attempts(customer.loanId());
    if (past.isEmpty()) {
      return List.of();
    }
    ZoneId zone = CustomerZones.zoneOf(customer, day.zone());
    LocalDate today = day.asOf().atZoneSameInstant(zone).toLocalDate();
    List<Attempt> out = new ArrayList<>(past.size());
    for (ContactHistory.Attempt a : past) {
      if (a.at().isAfter(day.asOf().toInstant())) {
        continue;
      }
      OffsetDateTime at = a.at().atZone(zone).toOffsetDateTime();
      out.add(
          new Attempt(
              customer.loanId(),
              a.channel(),
              at,
              (int) ChronoUnit.DAYS.between(at.toLocalDate(), today),
              a.outcome(),
              a.promisedDate(),
              a.promisedAmount()));
    }
    return out;
  }
}
