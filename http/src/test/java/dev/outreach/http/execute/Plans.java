package dev.outreach.http.execute;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.core.plan.Summary;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A three-step plan over five customers of campaign {@code CAMP}, built by hand. */
final class Plans {
  static final String CAMPAIGN = "CAMP";
  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");
  static final List<Customer> CUSTOMERS =
      List.of("L1", "L2", "L3", "L4", "L5").stream()
          .map(
              id ->
                  Customer.builder(id)
                      .phoneNumber("+919876543210")
                      .paymentStatus("pending")
                      .build())
          .toList();

  private Plans() {}

  static OffsetDateTime at(String hhmm) {
    return OffsetDateTime.parse("2025-08-05T" + hhmm + ":00+05:30");
  }

  /**
   * Calls L1, L5 at 09:00–13:00; SMS L2 at 10:30–18:00; WhatsApp L3, L4 at 08:00 until {@code
   * waUntil}.
   */
  static Plan plan(OffsetDateTime waUntil) {
    return plan(waUntil, "sms_tpl");
  }

  static Plan plan(OffsetDateTime waUntil, String smsTemplate) {
    Step calls =
        step(
            "s1-calls",
            StepKind.INITIATE_CALLS,
            at("09:00"),
            at("13:00"),
            Json.createObjectBuilder()
                .add("agentId", "agent_abc123")
                .add("dispositionId", "disp_xyz789"),
            List.of("L1", "L5"));
    Step sms =
        step(
            "s2-sms",
            StepKind.INITIATE_SMS,
            at("10:30"),
            at("18:00"),
            Json.createObjectBuilder().add("templateId", smsTemplate),
            List.of("L2"));
    Step whatsapp =
        step(
            "s3-whatsapp",
            StepKind.INITIATE_WHATSAPP,
            at("08:00"),
            waUntil,
            Json.createObjectBuilder()
                .add("templateId", "hfu7")
                .add(
                    "conversationSettings",
                    Json.createObjectBuilder().add("agentId", "PPT").add("dispositionId", "XaY")),
            List.of("L3", "L4"));
    Summary summary =
        new Summary(5, 5, 0, 0, 0, 3, Map.of(Channel.CALL, 2, Channel.SMS, 1, Channel.WHATSAPP, 2));
    return new Plan(
        CAMPAIGN,
        AS_OF,
        ZoneId.of("Asia/Kolkata"),
        summary,
        List.of(calls, sms, whatsapp),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** {@code n} SMS steps, step {@code sNNN} for customer {@code CNNN} alone, 09:00-18:00. */
  static Plan sms(int n) {
    List<Step> steps = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String c = String.format(Locale.ROOT, "C%03d", i);
      steps.add(
          step(
              String.format(Locale.ROOT, "s%03d", i),
              StepKind.INITIATE_SMS,
              at("09:00"),
              at("18:00"),
              Json.createObjectBuilder().add("templateId", "tpl"),
              List.of(c)));
    }
    return of(steps);
  }

  /** Uploads of customers U1, U2 (two steps), then an SMS to both. */
  static Plan uploadThenSms() {
    List<Step> steps = new java.util.ArrayList<>();
    for (String id : List.of("U1", "U2")) {
      steps.add(
          new Step(
              "up-" + id,
              StepKind.BULK_ADD_CUSTOMERS,
              "POST",
              StepKind.BULK_ADD_CUSTOMERS.path(CAMPAIGN),
              at("09:00"),
              null,
              Json.createObjectBuilder()
                  .add("campaignId", CAMPAIGN)
                  .add(
                      "records",
                      Json.createArrayBuilder()
                          .add(
                              Json.createObjectBuilder()
                                  .add("loan_id", id)
                                  .add("phone_number", "+919876543210")))
                  .build(),
              List.of(id),
              List.of()));
    }
    steps.add(
        step(
            "sms",
            StepKind.INITIATE_SMS,
            at("09:00"),
            at("18:00"),
            Json.createObjectBuilder().add("templateId", "tpl"),
            List.of("U1", "U2")));
    return of(steps);
  }

  static Plan of(List<Step> steps) {
    int sms =
        (int)
            steps.stream()
                .filter(s -> s.kind() == StepKind.INITIATE_SMS)
                .mapToLong(s -> s.customerIds().size())
                .sum();
    Summary summary =
        new Summary(
            sms,
            sms,
            0,
            0,
            0,
            steps.size(),
            Map.of(Channel.CALL, 0, Channel.SMS, sms, Channel.WHATSAPP, 0));
    return new Plan(
        CAMPAIGN,
        AS_OF,
        ZoneId.of("Asia/Kolkata"),
        summary,
        steps,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static Step step(
      String id,
      StepKind kind,
      OffsetDateTime notBefore,
      OffsetDateTime notAfter,
      JsonObjectBuilder body,
      List<String> ids) {
    JsonArrayBuilder idArray = Json.createArrayBuilder();
    ids.forEach(idArray::add);
    body.add("limit", ids.size()).add("filters", Json.createObjectBuilder().add("ids", idArray));
    return new Step(
        id,
        kind,
        "POST",
        kind.path(CAMPAIGN),
        notBefore,
        notAfter,
        body.build(),
        ids,
        List.of("rule"));
  }
}
