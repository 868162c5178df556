package dev.outreach.core.plan;

import dev.outreach.core.Customer;
import dev.outreach.core.internal.Phones;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/customers/add/bulk} bodies that upload a campaign's customers before it is
 * contacted: at most {@value #MAX_RECORDS} records a request, each loan id once, the fields a
 * contact needs present, and neither {@code initiateCall} nor {@code useWorkflow} set (the plan's
 * own initiate steps do the contacting, so uploading never rings a phone by itself).
 */
final class BulkAdd {
  /** The API's limit of records per request. */
  static final int MAX_RECORDS = 10_000;

  static final String PATH = "/api/v1/customers/add/bulk";

  private BulkAdd() {}

  /**
   * The upload bodies for {@code customers}, in loan id order.
   *
   * @throws IllegalArgumentException naming the customers that cannot be uploaded (a loan id twice,
   *     no phone number or one that is not a phone number), so nothing is half-sent
   */
  static List<JsonObject> bodies(String campaignId, List<Customer> customers, int maxRecords) {
    if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
      throw new IllegalArgumentException(
          "records per upload must be 1 to " + MAX_RECORDS + ": " + maxRecords);
    }
    check(customers);
    List<Customer> sorted = new ArrayList<>(customers);
    sorted.sort(java.util.Comparator.comparing(Customer::loanId));
    List<JsonObject> out = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += maxRecords) {
      JsonArrayBuilder records = Json.createArrayBuilder();
      for (Customer c : sorted.subList(from, Math.min(sorted.size(), from + maxRecords))) {
        records.add(record(c));
      }
      out.add(
          Json.createObjectBuilder().add("campaignId", campaignId).add("records", records).build());
    }
    return out;
  }

  private static void check(List<Customer> customers) {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    List<String> noPhone = new ArrayList<>();
    List<String> badPhone = new ArrayList<>();
    for (Customer c : customers) {
      if (!seen.add(c.loanId())) {
        twice.add(c.loanId());
      }
      if (c.phoneNumber() == null || c.phoneNumber().isBlank()) {
        noPhone.add(c.loanId());
      } else if (!Phones.isValid(c.phoneNumber())) {
        badPhone.add(c.loanId());
      }
    }
    List<String> problems = new ArrayList<>();
    if (!twice.isEmpty()) {
      problems.add(twice.size() + " loan id(s) appear more than once: " + sample(twice));
    }
    if (!noPhone.isEmpty()) {
      problems.add(
          noPhone.size()
              + " customer(s) have no phone_number, which a contact needs: "
              + sample(noPhone));
    }
    if (!badPhone.isEmpty()) {
      problems.add(
          badPhone.size()
              + " customer(s) have a phone_number that is not a phone number (an optional + and "
              + Phones.MIN_DIGITS
              + " to "
              + Phones.MAX_DIGITS
              + " digits): "
              + sample(badPhone));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot upload the customers: " + String.join("; ", problems));
    }
  }

  private static String sample(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(10, ids.size())))
        + (ids.size() > 10 ? ", …" : "");
  }

  /** The API's record fields by wire name. */
  private static JsonObject record(Customer c) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("loan_id", c.loanId());
    text(b, "first_name", c.firstName());
    text(b, "last_name", c.lastName());
    text(b, "phone_number", c.phoneNumber());
    number(b, "loan_amount", c.loanAmount());
    number(b, "emi_amount", c.emiAmount());
    if (c.loanPeriod() != null) b.add("loan_period", c.loanPeriod());
    number(b, "current_emi", c.currentEmi());
    if (c.emiDueDate() != null) b.add("emi_due_date", c.emiDueDate().toString());
    text(b, "payment_status", c.paymentStatus());
    text(b, "language", c.language());
    text(b, "lead_id", c.leadId());
    if (c.leadDate() != null) b.add("lead_date", c.leadDate().toString());
    // The documented record has no place for custom attributes (the spec rejects unknown keys), so
    // they
    // are not uploaded, and a plan that uploads never filters on them.
    return b.build();
  }

  private static void text(JsonObjectBuilder b, String key, String v) {
    if (v != null) b.add(key, v);
  }

  private static void number(JsonObjectBuilder b, String key, BigDecimal v) {
    if (v != null) b.add(key, v);
  }
}
