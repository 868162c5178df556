package dev.outreach.core.internal;

import dev.outreach.core.Customer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each customer's local time zone: the {@value #ATTRIBUTE} custom attribute when present, else the
 * plan's. A rule's {@code on}, {@code at} and {@code window}, and every guardrail's hours and days,
 * mean the customer's local time.
 */
public final class CustomerZones {
  /** The custom attribute holding a customer's zone, as an IANA id such as {@code Asia/Kolkata}. */
  public static final String ATTRIBUTE = "timezone";

  /** Portfolios repeat a few zone ids for every customer: parse each once. */
  private static final Map<String, ZoneId> PARSED = new ConcurrentHashMap<>();

  private CustomerZones() {}

  /**
   * The zone of {@code customer}: its {@value #ATTRIBUTE} attribute, or {@code planZone} without
   * one.
   *
   * @throws IllegalArgumentException when the attribute is not a zone id, naming the loan and the
   *     value, e.g. {@code LOAN-1: timezone "Asia/Kolkatta" is not a time zone (IANA id like
   *     Asia/Kolkata)}
   */
  public static ZoneId zoneOf(Customer customer, ZoneId planZone) {
    Objects.requireNonNull(customer, "customer == null");
    Objects.requireNonNull(planZone, "planZone == null");
    Object value = customer.attribute(ATTRIBUTE);
    if (value == null) {
      return planZone;
    }
    String id = value.toString();
    ZoneId zone = PARSED.get(id);
    if (zone != null) {
      return zone;
    }
    try {
      zone = ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          customer.loanId()
              + ": "
              + ATTRIBUTE
              + " \""
              + id
              + "\" is not a time zone (IANA id like Asia/Kolkata"
              + suggestion(id)
              + ")",
          e);
    }
    if (PARSED.size() < 10_000) {
      PARSED.put(id, zone);
    }
    return zone;
  }

  /** {@code ; did you mean Asia/Kolkata?} when {@code id} differs from a zone id only in case. */
  private static String suggestion(String id) {
    for (String known : ZoneId.getAvailableZoneIds()) {
      if (known.equalsIgnoreCase(id.strip())) {
        return "; did you mean " + known + "?";
      }
    }
    return "";
  }
}
