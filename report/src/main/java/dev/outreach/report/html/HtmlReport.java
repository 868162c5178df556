package dev.outreach.report.html;

import dev.outreach.core.Customer;
import dev.outreach.core.plan.Plan;
import dev.outreach.report.MoneySummary;
import dev.outreach.report.PlanIndex;
import dev.outreach.report.money.Buckets;
import dev.outreach.report.money.MoneyFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The dry-run report as one self-contained HTML page (inline style, script and SVG charts; it loads
 * nothing): the summary, charts of contacts by channel, rule, hour, language and other attributes,
 * every request with its body, suppressed, dropped and undecided customers, warnings, and a search
 * box that tells, for a loan id, which rules fired, what the customer gets and why not. Phone
 * numbers are masked and every text is escaped. Detail tables are capped ({@link Builder#maxRows});
 * the search covers every customer, so the page stays usable for a million of them.
 *
 * <pre>{@code
 * HtmlReport.builder(plan).customers(portfolio).build().write(writer);
 * }</pre>
 */
public final class HtmlReport {
  private final Builder b;

  private HtmlReport(Builder b) {
    this.b = b;
  }

  /** A report of {@code plan}. */
  public static Builder builder(Plan plan) {
    return new Builder(plan);
  }

  /** Writes the page to {@code to} (not closed). */
  public void write(Writer to) throws IOException {
    Map<String, Customer> byId = new HashMap<>(b.customers.size() * 4 / 3 + 1);
    b.customers.forEach(c -> byId.put(c.loanId(), c));
    List<String> attributes = b.chartBy != null ? b.chartBy : defaultAttributes(b.customers);
    PlanIndex index = PlanIndex.of(b.plan);
    MoneyFormat format =
        b.format != null ? b.format : MoneyFormat.forData(b.plan.zone(), b.customers);
    MoneySummary money =
        b.customers.isEmpty()
            ? null
            : MoneySummary.of(index, b.customers, format, b.buckets, attributes);
    try {
      new PlanPage(
              new Out(to),
              b.plan,
              index,
              Tallies.of(b.plan, byId, attributes, b.top),
              b.maxRows,
              b.firedRules,
              money,
              new CustomerFacts(b.plan, byId, format, b.buckets, b.factsLimit))
          .write();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The page as text. */
  public String render() {
    StringWriter w = new StringWriter();
    try {
      write(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** {@code language}, and {@code branch} when some customer has that attribute. */
  private static List<String> defaultAttributes(List<Customer> customers) {
    List<String> out = new ArrayList<>();
    if (customers.isEmpty()) {
      return out;
    }
    out.add("language");
    if (customers.stream().anyMatch(c -> c.attribute("branch") != null)) {
      out.add("branch");
    }
    return out;
  }

  /** Configures an {@link HtmlReport}. */
  public static final class Builder {
    private final Plan plan;
    private List<Customer> customers = List.of();
    private Function<String, List<String>> firedRules;
    private List<String> chartBy;
    private int maxRows = 200;
    private int top = 12;
    private MoneyFormat format;
    private Buckets buckets = Buckets.DEFAULT;
    private int factsLimit = CustomerFacts.DEFAULT_LIMIT;

    private Builder(Plan plan) {
      this.plan = Objects.requireNonNull(plan, "plan == null");
    }

    /**
     * The planned portfolio, for charts by attribute and by each customer's local hour (its {@code
     * timezone} attribute). Default: none, so no attribute charts and hours in the plan's zone.
     */
    public Builder customers(List<Customer> customers) {
      this.customers = List.copyOf(customers);
      return this;
    }

    /**
     * Which rules fired for a customer (by loan id; {@code null} when unknown), shown by the
     * search. Default: none, and the search shows the rules the plan names (winners, suppressions,
     * overridden).
     */
    public Builder firedRules(Function<String, List<String>> firedRules) {
      this.firedRules = Objects.requireNonNull(firedRules, "firedRules == null");
      return this;
    }

    /**
     * The attributes to chart contacts by, e.g. {@code language}, {@code payment_status} or a
     * custom attribute such as {@code branch}; each chart shows the most frequent values. Default:
     * {@code language}, and {@code branch} when the customers carry it.
     */
    public Builder chartBy(List<String> attributes) {
      this.chartBy = List.copyOf(attributes);
      return this;
    }

    /**
     * Rows shown per detail table (suppressed, dropped, undecided, warnings) and elements per body
     * array. Default: 200.
     */
    public Builder maxRows(int maxRows) {
      if (maxRows < 1) {
        throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
      }
      this.maxRows = maxRows;
      return this;
    }

    /** Bars per chart by rule or attribute before the rest are summed into one. Default: 12. */
    public Builder topValues(int top) {
      if (top < 1) {
        throw new IllegalArgumentException("topValues must be at least 1: " + top);
      }
      this.top = top;
      return this;
    }

    /**
     * How amounts are written and days past due bucketed. Default: the plan zone's currency ({@link
     * MoneyFormat#forZone}) and {@link Buckets#DEFAULT}. Money needs {@link #customers}.
     */
    public Builder money(MoneyFormat format, Buckets buckets) {
      this.format = Objects.requireNonNull(format, "format == null");
      this.buckets = Objects.requireNonNull(buckets, "buckets == null");
      return this;
    }

    /**
     * Up to how many customers the search shows each customer's facts (status, EMI, days past due,
     * attributes); above it the page leaves them out to stay small and says so. Default: 50,000.
     */
    public Builder customerFactsLimit(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("customerFactsLimit must be 0 or more: " + limit);
      }
      this.factsLimit = limit;
      return this;
    }

    /** The report. */
    public HtmlReport build() {
      return new HtmlReport(this);
    }
  }
}
