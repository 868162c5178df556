package dev.outreach.cycle;

import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.http.client.OutreachClient;
import dev.outreach.rules.RuleSet;
import dev.outreach.rules.RuleSource;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** A replica in its own JVM: one cycle of DailyCycleTest's strategy on a PostgreSQL store. */
public final class CycleReplica {
  private CycleReplica() {}

  /** {@code JDBC-URL SANDBOX-URI TOKEN INSTANT}. */
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    p.setProperty("user", "outreach");
    RuleSet rules =
        RuleSet.compile(List.of(new RuleSource("strategy.drl", DailyCycleTest.STRATEGY)));
    OutreachClient client = OutreachClient.builder(URI.create(args[1])).token(args[2]).build();
    DailyCycle.builder("CAMP", rules, DailyCycleTest.book(), client)
        .policy(GuardrailPolicy.none())
        .zone(DailyCycleTest.IST)
        .clock(Clock.fixed(Instant.parse(args[3]), DailyCycleTest.IST))
        .respectSchedule(false)
        .build()
        .run(PostgresStore.open(args[0], p));
  }
}
