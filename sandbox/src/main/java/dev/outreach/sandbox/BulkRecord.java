package dev.outreach.sandbox;

import dev.outreach.core.Customer;
import dev.outreach.core.internal.Phones;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One record of a bulk-add request read into a {@link Customer}, as {@code openapi.yaml}'s {@code
 * CustomerRecord} describes it: {@code loan_id} required, the documented fields typed (dates {@code
 * YYYY-MM-DD}; {@code loan_period} a whole number, since a customer holds it so). Any other key
 * fails the record, as the OpenAPI validator judges the spec: the documented record has no custom
 * attributes (campaigns get those from {@link SandboxBuilder#campaign}), and a misspelt field must
 * not pass unnoticed.
 */
final class BulkRecord {
  private static final List<String> FIELDS =
      List.of(
          "loan_id",
          "first_name",
          "last_name",
          "phone_number",
          "loan_amount",
          "emi_amount",
          "loan_period",
          "current_emi",
          "emi_due_date",
          "payment_status",
          "language",
          "lead_id",
          "lead_date");

  private BulkRecord() {}

  /** The loan id of {@code v} if it has a usable one, else {@code null}. */
  static String loanId(JsonValue v) {
    return v instanceof JsonObject o
            && o.get("loan_id") instanceof JsonString s
            && !s.getString().isBlank()
        ? s.getString()
        : null;
  }

  /**
   * Reads {@code v}, adding each problem to {@code problems}; returns {@code null} when there is
   * any.
   */
  static Customer read(JsonValue v, List<String> problems) {
    if (!(v instanceof JsonObject o)) {
      problems.add(
          "a record must be an object, found " + v.getValueType().name().toLowerCase(Locale.ROOT));
      return null;
    }
    Checker c = new Checker(o, "");
    c.required("loan_id");
    String loanId = c.text("loan_id");
    if (loanId != null && loanId.isBlank()) {
      c.problem("loan_id must not be blank");
    }
    Customer.Builder b = Customer.builder(loanId == null || loanId.isBlank() ? "?" : loanId);
    String phone = c.string("phone_number");
    if (phone != null && !Phones.isValid(phone)) {
      c.problem(
          "phone_number " + Phones.invalid(phone)); // as the API answers "phone_number invalid"
    }
    b.firstName(c.string("first_name"))
        .lastName(c.string("last_name"))
        .phoneNumber(phone)
        .paymentStatus(c.string("payment_status"))
        .language(c.string("language"))
        .leadId(c.string("lead_id"))
        .loanAmount(c.number("loan_amount"))
        .emiAmount(c.number("emi_amount"))
        .currentEmi(c.number("current_emi"))
        .loanPeriod(c.integer("loan_period", 0, Integer.MAX_VALUE))
        .emiDueDate(c.date("emi_due_date"))
        .leadDate(c.date("lead_date"));
    for (String key : o.keySet()) {
      if (!FIELDS.contains(key)) {
        c.problem(
            key
                + " is not a record field (the documented record has no custom attributes; fields: "
                + String.join(", ", FIELDS)
                + ")");
      }
    }
    problems.addAll(c.problems());
    return c.problems().isEmpty() ? b.build() : null;
  }
}
