package dev.outreach.rules.testkit;

import java.util.List;
import java.util.Locale;

/**
 * The columns of a cases file that are not the customer's: the case's name, its moment, what it
 * expects.
 */
final class CaseColumns {
  private CaseColumns() {}

  static final String CASE = "case";
  static final String AS_OF = "as_of";
  static final String EXPECT = "expect";
  static final String CALL = "expect_call";
  static final String SMS = "expect_sms";
  static final String WHATSAPP = "expect_whatsapp";
  static final String REASON = "expect_reason";
  static final String NOT_BEFORE = "expect_not_before";

  /** Every expectation column, in the order the documentation lists them. */
  static final List<String> EXPECTATIONS = List.of(EXPECT, CALL, SMS, WHATSAPP, REASON, NOT_BEFORE);

  /**
   * A header as a portfolio keys its custom attribute: without byte order mark and surrounding
   * space.
   */
  static String key(String header) {
    return header.replace("\uFEFF", "").strip();
  }

  /**
   * A header's case-column name: snake case, lower case ({@code As_Of}, {@code asOf} → {@code
   * as_of}).
   */
  static String normal(String header) {
    return key(header).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** Whether the column (by {@link #normal} name) belongs to the case rather than the customer. */
  static boolean isCaseColumn(String normal) {
    return normal.equals(CASE) || normal.equals(AS_OF) || normal.startsWith(EXPECT);
  }
}
