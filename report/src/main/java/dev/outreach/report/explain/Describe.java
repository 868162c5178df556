package dev.outreach.report.explain;

import dev.outreach.core.Customer;
import dev.outreach.core.decision.Contact;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Suppression;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.internal.Phones;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Short words for decisions and customers, shared by the text and JSON explanations. */
final class Describe {
  private Describe() {}

  /**
   * {@code CALL agent_abc123 / disp_xyz789, window 10:00-13:00}, or {@code suppress: already paid}.
   */
  static String decision(Ruling d) {
    if (d instanceof Suppression) {
      return "suppress: " + ((Suppression) d).reason();
    }
    Contact c = (Contact) d;
    StringBuilder sb = new StringBuilder(c.channel().name()).append(' ').append(target(c));
    sb.append(", ").append(timing(c.timing()));
    if (c.priority() != 0) {
      sb.append(", priority ").append(c.priority());
    }
    return sb.toString();
  }

  /** Who or what the contact uses: agent and disposition, or template (and conversation). */
  static String target(Contact c) {
    if (c.batch() != null) {
      return "batch-call campaign \"" + c.batch().name() + "\", agent " + c.agentId();
    }
    if (c.agentId() != null) {
      return c.agentId() + " / " + c.dispositionId();
    }
    String t = "template " + c.templateId();
    return c.conversation() == null
        ? t
        : t
            + " -> conversation "
            + c.conversation().agentId()
            + " / "
            + c.conversation().dispositionId();
  }

  static String timing(Timing t) {
    String day = t.date() == null ? "" : "on " + t.date() + (t.start() == null ? "" : " ");
    if (t.start() == null) {
      return t.date() == null ? "as soon as possible" : day.strip();
    }
    return day + (t.end() == null ? "at " + t.start() : "window " + t.start() + "-" + t.end());
  }

  /**
   * The customer's fields that rules read, by their column names, phone masked; names are left out
   * (a report needs no more personal data than that).
   */
  static Map<String, String> fields(Customer c) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "payment_status", c.paymentStatus());
    put(m, "language", c.language());
    put(m, "emi_due_date", c.emiDueDate());
    put(m, "emi_amount", c.emiAmount() == null ? null : c.emiAmount().toPlainString());
    put(m, "current_emi", c.currentEmi() == null ? null : c.currentEmi().toPlainString());
    put(m, "loan_amount", c.loanAmount() == null ? null : c.loanAmount().toPlainString());
    put(m, "loan_period", c.loanPeriod());
    put(m, "lead_id", c.leadId());
    put(m, "lead_date", c.leadDate());
    put(m, "phone_number", c.phoneNumber() == null ? null : Phones.mask(c.phoneNumber()));
    new TreeMap<>(c.custom()).forEach((k, v) -> put(m, k, v));
    return m;
  }

  private static void put(Map<String, String> m, String k, Object v) {
    if (v != null) {
      m.put(k, v.toString());
    }
  }
}
