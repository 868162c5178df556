package dev.outreach.core.guardrail;

import dev.outreach.core.Customer;
import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A policy per jurisdiction: customers whose {@code attribute} (say {@code state}) has one of the
 * listed values follow that value's policy for hours, working days, holidays, caps and cool-offs;
 * everyone else follows the plan's policy. The plan's do-not-contact list, consent and daily
 * capacity apply to every customer whatever their jurisdiction.
 *
 * @param attribute the customer attribute naming the jurisdiction, or {@code null} for none
 * @param policies per value of the attribute (matched ignoring case and surrounding spaces), its
 *     policy
 */
public record Jurisdictions(String attribute, Map<String, GuardrailPolicy> policies)
    implements Serializable {
  private static final Jurisdictions NONE = new Jurisdictions(null, Map.of());

  public Jurisdictions {
    Objects.requireNonNull(policies, "policies == null");
    if (attribute == null && !policies.isEmpty()) {
      throw new IllegalArgumentException("jurisdictions need the attribute that names them");
    }
    if (attribute != null && attribute.isBlank()) {
      throw new IllegalArgumentException("the jurisdictions' attribute is blank");
    }
    TreeMap<String, GuardrailPolicy> p = new TreeMap<>();
    policies.forEach(
        (value, policy) -> {
          Objects.requireNonNull(policy, "the policy of " + value + " == null");
          if (!policy.jurisdictions().policies().isEmpty()) {
            throw new IllegalArgumentException(
                "the policy of " + value + " has jurisdictions of its own; nest them no deeper");
          }
          if (p.put(key(value), policy) != null) {
            throw new IllegalArgumentException(
                "jurisdiction " + value + " is listed twice (values are matched ignoring case)");
          }
        });
    policies = Collections.unmodifiableMap(p);
  }

  /** No jurisdictions: one policy for everyone. */
  public static Jurisdictions none() {
    return NONE;
  }

  /** The jurisdiction ({@link #policies} key) of {@code customer}, or {@code null} for none. */
  public String of(Customer customer) {
    if (attribute == null) {
      return null;
    }
    Object value = customer.attribute(attribute);
    if (value == null) {
      return null;
    }
    String k = key(value.toString());
    return policies.containsKey(k) ? k : null;
  }

  private static String key(String value) {
    return Objects.requireNonNull(value, "jurisdiction value == null")
        .strip()
        .toUpperCase(Locale.ROOT);
  }
}
