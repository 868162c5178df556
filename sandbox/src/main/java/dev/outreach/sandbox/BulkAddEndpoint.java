package dev.outreach.sandbox;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/customers/add/bulk}: adds each record to the campaign, or updates the
 * customer with its loan id (the record's fields replace the old ones; custom attributes it does
 * not mention are kept). 201 all added, 207 some failed, 400 all failed or a bad request (up to
 * 10,000 records; {@code callConfig} when {@code initiateCall}; not both {@code initiateCall} and
 * {@code useWorkflow}), 404 no such campaign. A record fails on its own (an error naming its index
 * and loan id) when a field is wrong or its loan id appears more than once in the request (every
 * occurrence fails: none silently wins). With {@code initiateCall}, the added customers are called
 * with {@code callConfig}, recorded as initiations.
 */
final class BulkAddEndpoint implements Endpoint {
  static final String PATTERN = "/api/v1/customers/add/bulk";
  static final int MAX_RECORDS = 10_000;

  private final Campaigns campaigns;

  BulkAddEndpoint(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  /** The request's settings once checked. */
  private record Request(
      String campaignId,
      JsonArray records,
      boolean initiateCall,
      String agentId,
      String dispositionId,
      boolean useWorkflow) {}

  @Override
  public Reply serve(Call call) {
    Request r = request(call.json());
    if (!campaigns.exists(r.campaignId())) {
      throw new Problem(404, "campaign not found: " + r.campaignId());
    }
    int n = r.records().size();
    Map<String, List<Integer>> byLoanId = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String id = BulkRecord.loanId(r.records().get(i));
      if (id != null) {
        byLoanId.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
      }
    }
    JsonArrayBuilder errors = Json.createArrayBuilder();
    List<Customer> added = new ArrayList<>();
    int valid = 0;
    int failed = 0;
    for (int i = 0; i < n; i++) {
      List<String> problems = new ArrayList<>();
      Customer c = BulkRecord.read(r.records().get(i), problems);
      String id = BulkRecord.loanId(r.records().get(i));
      if (id != null && byLoanId.get(id).size() > 1) {
        problems.add(
            "loan_id "
                + id
                + " appears "
                + byLoanId.get(id).size()
                + " times in this request (records "
                + byLoanId.get(id)
                + ")");
        c = null;
      }
      if (c != null) {
        valid++;
        if (valid <= call.failFirst()) {
          problems.add("could not be saved (sandbox fault: partial)");
          c = null;
        }
      }
      if (c == null) {
        failed++;
        JsonObjectBuilder e = Json.createObjectBuilder().add("index", i);
        if (id != null) {
          e.add("loan_id", id);
        }
        errors.add(e.add("message", String.join("; ", problems)));
      } else {
        added.add(c);
      }
    }
    List<Initiation> calls = new ArrayList<>();
    if (r.initiateCall()) {
      for (Customer c : added) {
        calls.add(
            new Initiation(
                r.campaignId(),
                Channel.CALL,
                c.loanId(),
                r.agentId(),
                r.dispositionId(),
                null,
                null,
                null,
                call.idempotencyKey()));
      }
    }
    campaigns.upsert(r.campaignId(), added, calls);
    int status = failed == 0 ? 201 : added.isEmpty() ? 400 : 207;
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("success", failed == 0)
            .add("message", "Added " + added.size() + " of " + n + " records")
            .add(
                "results",
                Json.createObjectBuilder()
                    .add("total", n)
                    .add("valid", valid)
                    .add("invalid", n - valid)
                    .add("successful", added.size())
                    .add("failed", failed)
                    .add("batchesProcessed", batches(n))
                    .add("errors", errors));
    if (r.initiateCall()) {
      body.add(
          "callResults",
          Json.createObjectBuilder()
              .add("totalMatched", added.size())
              .add("customersSelected", added.size())
              .add("initiated", added.size())
              .add("failed", 0)
              .add("batchesProcessed", batches(added.size()))
              .add("errors", Json.createArrayBuilder()));
    }
    if (r.useWorkflow()) {
      body.add("workflowTriggered", !added.isEmpty());
    }
    return Reply.json(status, body.build());
  }

  private static int batches(int n) {
    return Math.max(1, (n + InitiateEndpoint.BATCH - 1) / InitiateEndpoint.BATCH);
  }

  private static Request request(JsonObject o) {
    Checker c = new Checker(o, "");
    c.onlyKeys(List.of("campaignId", "records", "initiateCall", "callConfig", "useWorkflow"));
    c.required("campaignId");
    c.required("records");
    String campaignId = c.text("campaignId");
    JsonArray records = c.array("records");
    if (records != null && records.isEmpty()) {
      c.problem("records is empty: send at least 1 record");
    }
    if (records != null && records.size() > MAX_RECORDS) {
      c.problem(
          "records holds "
              + records.size()
              + " records; at most "
              + MAX_RECORDS
              + " are allowed per request");
    }
    boolean initiateCall = Boolean.TRUE.equals(c.bool("initiateCall"));
    boolean useWorkflow = Boolean.TRUE.equals(c.bool("useWorkflow"));
    String agentId = null;
    String dispositionId = null;
    JsonObject callConfig = c.object("callConfig");
    if (callConfig != null) {
      Checker cc = new Checker(callConfig, "callConfig.");
      cc.onlyKeys(List.of("agentId", "dispositionId"));
      cc.required("agentId");
      cc.required("dispositionId");
      agentId = cc.text("agentId");
      dispositionId = cc.text("dispositionId");
      cc.problems().forEach(c::problem);
    } else if (initiateCall && !c.has("callConfig")) {
      c.problem("callConfig is required when initiateCall is true");
    }
    if (initiateCall && useWorkflow) {
      c.problem("initiateCall and useWorkflow cannot both be true");
    }
    c.throwIfAny();
    return new Request(campaignId, records, initiateCall, agentId, dispositionId, useWorkflow);
  }
}
