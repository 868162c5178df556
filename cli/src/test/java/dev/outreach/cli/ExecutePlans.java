package dev.outreach.cli;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.plan.Plan;
import dev.outreach.core.plan.PlanJson;
import dev.outreach.core.plan.Step;
import dev.outreach.core.plan.StepKind;
import dev.outreach.core.plan.Summary;
import dev.outreach.sandbox.SandboxServer;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans for executing now: {@code n} SMS steps, step {@code sNNN} for customer {@code CNNN}, due
 * now.
 */
final class ExecutePlans {
  static final String CAMPAIGN = "CAMP";
  static final String PHONE = "+919876543210";

  private ExecutePlans() {}

  static List<Customer> customers(int n) {
    List<Customer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          Customer.builder(String.format(Locale.ROOT, "C%03d", i))
              .phoneNumber(PHONE)
              .paymentStatus("pending")
              .build());
    }
    return out;
  }

  static SandboxServer sandbox(String token, int n) {
    return SandboxServer.start(token, Map.of(CAMPAIGN, customers(n)));
  }

  static Plan sms(int n) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String c = String.format(Locale.ROOT, "C%03d", i);
      steps.add(
          new Step(
              String.format(Locale.ROOT, "s%03d", i),
              StepKind.INITIATE_SMS,
              "POST",
              StepKind.INITIATE_SMS.path(CAMPAIGN),
              now.minusMinutes(1),
              now.plusHours(2),
              Json.createObjectBuilder()
                  .add("templateId", "tpl")
                  .add("limit", 1)
                  .add(
                      "filters",
                      Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(c)))
                  .build(),
              List.of(c),
              List.of("rule")));
    }
    return new Plan(
        CAMPAIGN,
        now,
        ZoneId.of("UTC"),
        new Summary(n, n, 0, 0, 0, n, Map.of(Channel.CALL, 0, Channel.SMS, n, Channel.WHATSAPP, 0)),
        steps,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** One SMS step {@code id} to customers C000 … C(n-1). */
  static Plan smsTo(String id, int n) {
    Plan one = sms(1);
    Step s = one.steps().get(0);
    List<String> ids = customers(n).stream().map(Customer::loanId).toList();
    var a = Json.createArrayBuilder();
    ids.forEach(a::add);
    Step all =
        new Step(
            id,
            s.kind(),
            s.method(),
            s.path(),
            s.notBefore(),
            s.notAfter(),
            Json.createObjectBuilder()
                .add("templateId", "tpl")
                .add("limit", n)
                .add("filters", Json.createObjectBuilder().add("ids", a))
                .build(),
            ids,
            s.rules());
    return new Plan(
        CAMPAIGN,
        one.asOf(),
        one.zone(),
        new Summary(n, n, 0, 0, 0, 1, Map.of(Channel.CALL, 0, Channel.SMS, n, Channel.WHATSAPP, 0)),
        List.of(all),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static Path write(Plan plan, Path file) throws java.io.IOException {
    Files.writeString(file, PlanJson.write(plan), StandardCharsets.UTF_8);
    return file;
  }
}
