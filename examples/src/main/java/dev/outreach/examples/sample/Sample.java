package dev.outreach.examples.sample;

import dev.outreach.core.Customer;
import dev.outreach.core.portfolio.PortfolioException;
import dev.outreach.core.portfolio.PortfolioReader;
import dev.outreach.rules.RuleCompileException;
import dev.outreach.rules.RuleSet;
import dev.outreach.rules.RuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample that ships in the jar: rules, a 3,000-customer portfolio, and the moment it is planned
 * for.
 */
public final class Sample {
  /** The sample is planned as of this moment, so the demo is the same every time. */
  public static final OffsetDateTime AS_OF = OffsetDateTime.parse("2025-08-05T09:00:00+05:30");

  public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
  public static final String CAMPAIGN = "CAMP-DEMO-2025-08";
  public static final String PORTFOLIO = "outreach/sample/portfolio.csv";
  public static final List<String> RULES =
      List.of("00-classification.drl", "10-suppression.drl", "20-calls.drl", "30-messages.drl");

  private Sample() {}

  /** The sample rules, compiled. */
  public static RuleSet rules() throws IOException, RuleCompileException {
    List<RuleSource> sources = new ArrayList<>();
    for (String name : RULES) {
      sources.add(
          RuleSource.classpath(Sample.class.getClassLoader(), "outreach/sample/rules/" + name));
    }
    return RuleSet.compile(sources);
  }

  /** The sample portfolio. */
  public static List<Customer> portfolio() throws IOException, PortfolioException {
    InputStream in = Sample.class.getClassLoader().getResourceAsStream(PORTFOLIO);
    if (in == null) {
      throw new IOException("the sample portfolio " + PORTFOLIO + " is missing from the classpath");
    }
    return PortfolioReader.readCsv(
        new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + PORTFOLIO);
  }
}
