package dev.outreach.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.Customer;
import dev.outreach.core.plan.Plan;
import dev.outreach.report.Book;
import dev.outreach.report.diff.PlanDiff;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The report and the diff page are the same bytes under any default locale: under de_DE the charts'
 * SVG coordinates had decimal commas (so most bars drew at zero width) and counts had dots; under
 * ar_SA the digits were Arabic-Indic. (The examples' LocaleIndependenceTest checks every output in
 * a JVM per locale.)
 */
class HtmlLocaleTest {
  static final List<Locale> LOCALES =
      List.of(
          Locale.GERMANY, new Locale("ar", "SA"), new Locale("hi", "IN"), new Locale("tr", "TR"));

  static String under(Locale locale, Supplier<String> render) {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(locale);
      return render.get();
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void theReportAndTheDiffPageAreTheSameUnderAnyDefaultLocale() {
    List<Customer> book = HtmlReportTest.customers(1500);
    Plan plan = Book.plan(book, HtmlReportTest.decisions(1500), false);
    Plan fewer = Book.plan(book, HtmlReportTest.decisions(700), false);
    Supplier<String> report = () -> HtmlReport.builder(plan).customers(book).build().render();
    Supplier<String> diff =
        () -> {
          StringWriter w = new StringWriter();
          try {
            HtmlDiff.write(PlanDiff.of(fewer, plan, "base", "changed"), 20, w);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return w.toString();
        };
    String reportHere = under(Locale.US, report);
    String diffHere = under(Locale.US, diff);

    assertThat(
            Pattern.compile("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9]+\\.[0-9]\"")
                .matcher(reportHere)
                .find())
        .as("bar widths with a decimal point")
        .isTrue();
    assertThat(reportHere).contains("1,500");
    for (Locale l : LOCALES) {
      assertThat(difference(reportHere, under(l, report))).as("report under " + l).isEmpty();
      assertThat(difference(diffHere, under(l, diff))).as("diff page under " + l).isEmpty();
    }
  }

  /**
   * Where {@code got} first differs from {@code want}, with some text around it; empty when they
   * are equal.
   */
  static String difference(String want, String got) {
    int i = 0;
    while (i < Math.min(want.length(), got.length()) && want.charAt(i) == got.charAt(i)) {
      i++;
    }
    if (i == want.length() && i == got.length()) {
      return "";
    }
    int from = Math.max(0, i - 60);
    return "at "
        + i
        + ": wanted …"
        + want.substring(from, Math.min(want.length(), i + 60))
        + "… but got …"
        + got.substring(from, Math.min(got.length(), i + 60))
        + "…";
  }
}
