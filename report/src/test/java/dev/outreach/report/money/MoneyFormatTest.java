package dev.outreach.report.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {
  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void rupeesAreGroupedInLakhAndCroreAndRoundedHalfUpToWholeRupees() {
    MoneyFormat inr = MoneyFormat.of("INR");

    assertThat(inr.format(d("123456789"))).isEqualTo("₹12,34,56,789");
    assertThat(inr.format(d("24123456.50"))).isEqualTo("₹2,41,23,457");
    assertThat(inr.format(d("24123456.49"))).isEqualTo("₹2,41,23,456");
    assertThat(inr.format(d("100000"))).isEqualTo("₹1,00,000");
    assertThat(inr.format(d("99999.5"))).isEqualTo("₹1,00,000");
    assertThat(inr.format(d("1234"))).isEqualTo("₹1,234");
    assertThat(inr.format(d("999"))).isEqualTo("₹999");
    assertThat(inr.format(d("0.5"))).isEqualTo("₹1");
    assertThat(inr.format(d("0.49"))).isEqualTo("₹0");
    assertThat(inr.format(BigDecimal.ZERO)).isEqualTo("₹0");
  }

  @Test
  void negativeAmountsCarryTheirSignBeforeTheSymbolAndRoundAwayFromZeroAtHalf() {
    MoneyFormat inr = MoneyFormat.inr();

    assertThat(inr.format(d("-2412345.5"))).isEqualTo("-₹24,12,346");
    assertThat(inr.format(d("-0.4"))).isEqualTo("₹0");
    assertThat(MoneyFormat.of("usd").format(d("-1234567"))).isEqualTo("-$1,234,567");
  }

  @Test
  void wordsGiveCroreAndLakhWithOneDecimalForAGlance() {
    MoneyFormat inr = MoneyFormat.inr();

    assertThat(inr.words(d("24123456"))).isEqualTo("₹2.4 crore");
    assertThat(inr.words(d("10000000"))).isEqualTo("₹1 crore");
    assertThat(inr.words(d("8564041"))).isEqualTo("₹85.6 lakh");
    assertThat(inr.words(d("99999"))).isEqualTo("₹99,999");
    assertThat(inr.words(d("123456789012"))).isEqualTo("₹12,345.7 crore");
    assertThat(MoneyFormat.none().words(d("2450000"))).isEqualTo("2.5 million");
    assertThat(MoneyFormat.of("EUR").words(d("3100000000"))).isEqualTo("€3.1 billion");
  }

  @Test
  void otherCurrenciesAndNoneUsePlainGrouping() {
    assertThat(MoneyFormat.of("USD").format(d("123456789.5"))).isEqualTo("$123,456,790");
    assertThat(MoneyFormat.of("EUR").format(d("1000"))).isEqualTo("€1,000");
    assertThat(MoneyFormat.of("GBP").format(d("1000000"))).isEqualTo("£1,000,000");
    assertThat(MoneyFormat.of("jpy").format(d("1234567"))).isEqualTo("JPY 1,234,567");
    assertThat(MoneyFormat.of("none").format(d("1234567"))).isEqualTo("1,234,567");
    assertThat(MoneyFormat.of("none").code()).isEmpty();
    assertThat(MoneyFormat.of("NONE").toString()).isEqualTo("none");
  }

  @Test
  void theDefaultIsRupeesForAPlanInIndiaAndNoCurrencyElsewhere() {
    assertThat(MoneyFormat.forZone(ZoneId.of("Asia/Kolkata")).code()).isEqualTo("INR");
    assertThat(MoneyFormat.forZone(ZoneId.of("Asia/Calcutta")).code()).isEqualTo("INR");
    assertThat(MoneyFormat.forZone(ZoneId.of("+05:30")).code()).isEmpty();
    assertThat(MoneyFormat.forZone(ZoneId.of("America/New_York")).format(d("1234567")))
        .isEqualTo("1,234,567");
  }

  @Test
  void aCurrencyColumnThatNamesOneCurrencyChoosesTheDefault() {
    ZoneId ny = ZoneId.of("America/New_York");
    java.util.List<dev.outreach.core.Customer> usd =
        java.util.List.of(
            dev.outreach.core.Customer.builder("A").custom("currency", "usd").build(),
            dev.outreach.core.Customer.builder("B").build());
    java.util.List<dev.outreach.core.Customer> mixed =
        java.util.List.of(
            dev.outreach.core.Customer.builder("A").custom("currency", "USD").build(),
            dev.outreach.core.Customer.builder("B").custom("currency", "EUR").build());

    assertThat(MoneyFormat.forData(ny, usd).code()).isEqualTo("USD");
    assertThat(MoneyFormat.forData(ny, mixed).code()).isEmpty();
    assertThat(MoneyFormat.forData(ZoneId.of("Asia/Kolkata"), mixed).code()).isEqualTo("INR");
  }

  @Test
  void aCurrencyThatIsNotOneIsRefusedSayingWhatIs() {
    assertThatThrownBy(() -> MoneyFormat.of("rupees"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'rupees' is not a currency")
        .hasMessageContaining("INR, USD, EUR, GBP, none");
    assertThatThrownBy(() -> MoneyFormat.of("XYZ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bucketsFollowTheCollectionsConventionAndKeepUnknownApart() {
    Buckets b = Buckets.DEFAULT;

    assertThat(b.labels()).containsExactly("current", "1–30", "31–60", "61–90", "90+", "unknown");
    assertThat(b.label(0)).isEqualTo("current");
    assertThat(b.label(1)).isEqualTo("1–30");
    assertThat(b.label(30)).isEqualTo("1–30");
    assertThat(b.label(31)).isEqualTo("31–60");
    assertThat(b.label(90)).isEqualTo("61–90");
    assertThat(b.label(91)).isEqualTo("90+");
    assertThat(b.label(null)).isEqualTo("unknown");
    assertThat(Buckets.parse(" 7, 30 ").labels()).containsExactly("0–7", "8–30", "30+", "unknown");
  }

  @Test
  void bucketEdgesMustBeIncreasingWholeNumbers() {
    for (String bad : new String[] {"", "0,30,30", "30,0", "-1,30", "0,x", "0,,30", "1.5"}) {
      assertThatThrownBy(() -> Buckets.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a list of bucket edges");
    }
  }
}
