package dev.outreach.core.plan;

import dev.outreach.core.internal.Phones;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bulk-add step's body (Bulk Add Customers document, api/openapi.yaml): the plan's campaign, 1 to
 * 10,000 records of documented fields and types, each with a loan id (once in the whole plan) and a
 * phone number, the records' loan ids exactly the step's {@code customerIds}; and no {@code
 * initiateCall}, {@code callConfig} or {@code useWorkflow}: an upload never contacts anyone by
 * itself, the plan's contact steps do.
 */
final class UploadRules {
  private static final Set<String> KEYS =
      Set.of("campaignId", "records", "initiateCall", "callConfig", "useWorkflow");
  private static final Set<String> TEXT =
      Set.of("first_name", "last_name", "payment_status", "language", "lead_id");
  private static final Set<String> NUMBERS =
      Set.of("loan_amount", "emi_amount", "loan_period", "current_emi");
  private static final Set<String> DATES = Set.of("emi_due_date", "lead_date");

  /** A leading +, then digits with spaces, dots, hyphens or parentheses between them. */
  private final Map<String, String> uploadedBy = new java.util.HashMap<>();

  /**
   * Checks {@code step} (at {@code where}), remembering its loan ids to find one uploaded twice.
   */
  void check(Step step, String where, String campaignId, Findings f) {
    JsonObject b = step.body();
    String p = where + ".body";
    String id = step.id();
    for (String key : new TreeSet<>(b.keySet())) {
      if (!KEYS.contains(key)) {
        f.add(id, p + "." + key, "is not a field of Bulk Add Customers", "remove it");
      }
    }
    JsonValue c = b.get("campaignId");
    if (!(c instanceof JsonString) || !((JsonString) c).getString().equals(campaignId)) {
      f.add(
          id,
          p + ".campaignId",
          (c == null ? "is missing" : "is " + c) + ", but the plan is for campaign " + campaignId,
          "upload to the plan's campaign");
    }
    if (b.get("initiateCall") != JsonValue.FALSE && b.containsKey("initiateCall")) {
      f.add(
          id,
          p + ".initiateCall",
          "is "
              + b.get("initiateCall")
              + ": the upload would call every customer it"
              + " adds, outside the plan's contact steps",
          "remove it; the plan's INITIATE steps do the contacting");
    }
    if (b.containsKey("callConfig")) {
      f.add(
          id,
          p + ".callConfig",
          "configures calls from an upload, which never contacts anyone",
          "remove it; the plan's INITIATE steps do the contacting");
    }
    if (b.get("useWorkflow") != JsonValue.FALSE && b.containsKey("useWorkflow")) {
      f.add(
          id,
          p + ".useWorkflow",
          "is "
              + b.get("useWorkflow")
              + ": the upload would start a workflow for every"
              + " customer it adds",
          "remove it; the plan's INITIATE steps do the contacting");
    }
    JsonValue r = b.get("records");
    if (r == null || r.getValueType() != JsonValue.ValueType.ARRAY) {
      f.add(
          id,
          p + ".records",
          r == null ? "is missing" : "must be an array of customer records",
          null);
      return;
    }
    records(step, r.asJsonArray(), p + ".records", f);
  }

  private void records(Step step, JsonArray records, String p, Findings f) {
    String id = step.id();
    if (records.isEmpty() || records.size() > BulkAdd.MAX_RECORDS) {
      f.add(
          id,
          p,
          "holds " + records.size() + " records; a request takes 1 to " + BulkAdd.MAX_RECORDS,
          "split or plan again");
    }
    Map<String, List<String>> bad =
        new LinkedHashMap<>(); // what is wrong -> where, in record order
    Set<String> loanIds = new HashSet<>();
    Set<String> twice = new TreeSet<>();
    Map<String, Set<String>> elsewhere = new java.util.TreeMap<>();
    for (int i = 0; i < records.size(); i++) {
      String at = "[" + i + "]";
      if (records.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        bad.computeIfAbsent(" is not an object", k -> new ArrayList<>()).add(at);
        continue;
      }
      JsonObject o = records.getJsonObject(i);
      JsonValue loan = o.get("loan_id");
      String loanId = loan instanceof JsonString ? ((JsonString) loan).getString() : null;
      if (loanId == null || loanId.isBlank()) {
        bad.computeIfAbsent(".loan_id is missing or not a non-empty string", k -> new ArrayList<>())
            .add(at);
      } else {
        at = at + " (" + loanId + ")";
        if (!loanIds.add(loanId)) {
          twice.add(loanId);
        }
        String other = uploadedBy.putIfAbsent(loanId, id);
        if (other != null && !other.equals(id)) {
          elsewhere.computeIfAbsent(other, k -> new TreeSet<>()).add(loanId);
        }
      }
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        String why = field(e.getKey(), e.getValue());
        if (why != null) {
          bad.computeIfAbsent("." + e.getKey() + " " + why, k -> new ArrayList<>()).add(at);
        }
      }
      if (!o.containsKey("phone_number")) {
        bad.computeIfAbsent(
                ".phone_number is missing, and a contact needs it", k -> new ArrayList<>())
            .add(at);
      }
    }
    for (Map.Entry<String, List<String>> e : bad.entrySet()) {
      int dot = e.getKey().indexOf(' ');
      f.add(
          id,
          p + "[*]" + e.getKey().substring(0, dot),
          e.getKey().substring(dot + 1)
              + " in "
              + e.getValue().size()
              + " record(s): "
              + Findings.sample(e.getValue()),
          "fix the portfolio and plan again");
    }
    if (!twice.isEmpty()) {
      f.add(
          id,
          p,
          "holds " + twice.size() + " loan id(s) more than once: " + Findings.sample(twice),
          "upload each customer once");
    }
    elsewhere.forEach(
        (other, ids) ->
            f.add(
                id,
                p,
                "uploads "
                    + ids.size()
                    + " loan id(s) that step "
                    + other
                    + " uploads too: "
                    + Findings.sample(ids),
                "upload each customer once"));
    Set<String> want = new HashSet<>(step.customerIds());
    Set<String> extra = new TreeSet<>(loanIds);
    extra.removeAll(want);
    Set<String> missing = new TreeSet<>(want);
    missing.removeAll(loanIds);
    if (!extra.isEmpty()) {
      f.add(
          id,
          p,
          "uploads "
              + extra.size()
              + " customer(s) not in the step's customerIds: "
              + Findings.sample(extra),
          "upload exactly the step's customers, or plan again");
    }
    if (!missing.isEmpty()) {
      f.add(
          id,
          p,
          "leaves out "
              + missing.size()
              + " of the step's customerIds: "
              + Findings.sample(missing),
          "upload exactly the step's customers, or plan again");
    }
  }

  /** Why a record's {@code key} cannot be {@code v}, or {@code null} if it can. */
  private static String field(String key, JsonValue v) {
    if (key.equals("loan_id")) {
      return null;
    }
    if (key.equals("phone_number")) {
      if (!(v instanceof JsonString)) {
        return "must be a string";
      }
      return Phones.isValid(((JsonString) v).getString())
          ? null
          : "is not a phone number (an optional +, then "
              + Phones.MIN_DIGITS
              + " to "
              + Phones.MAX_DIGITS
              + " digits)";
    }
    if (TEXT.contains(key)) {
      return v instanceof JsonString ? null : "must be a string";
    }
    if (NUMBERS.contains(key)) {
      return v instanceof JsonNumber ? null : "must be a number";
    }
    if (DATES.contains(key)) {
      try {
        LocalDate.parse(((JsonString) v).getString());
        return null;
      } catch (ClassCastException | DateTimeParseException e) {
        return "must be a date YYYY-MM-DD";
      }
    }
    return "is not a field of a customer record";
  }
}
