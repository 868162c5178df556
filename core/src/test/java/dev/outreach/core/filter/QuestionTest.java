package dev.outreach.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Questions asked together select the customers each selects alone. */
class QuestionTest {
  @Test
  void aBatchSelectsWhatEachQuestionSelectsAlone() {
    Random r = new Random(7);
    List<Customer> book = PartialSnapshotTest.book(r, 3_000);
    Filters dueEarly = dates(null, LocalDate.of(2025, 8, 10));
    Filters smallAmount = new Filters(null, null, null, null, null, amounts("1", "20"), null);
    Filters lang0 = new Filters(null, null, null, List.of("lang0"), null, null, null);
    List<Question> questions = new ArrayList<>();
    questions.add(Question.everyone());
    questions.add(Question.constraint(dueEarly));
    for (Object code : new Object[] {"a", "A", "5000", new BigDecimal("5000"), Boolean.TRUE}) {
      questions.add(Question.equalTo("custom.code", code));
      questions.add(Question.within("custom.code", code, smallAmount).listing(List.of(lang0)));
    }
    for (String status : new String[] {"bounced", "Bounced", "paid"}) {
      questions.add(Question.equalTo("payment_status", status));
      questions.add(Question.within("payment_status", status, dueEarly));
      questions.add(Question.within("payment_status", status, lang0));
    }
    questions.add(Question.within("language", "lang1", smallAmount));
    questions.add(Question.equalTo("custom.tier", new BigDecimal("2")));

    Question.Batch batch = new Question.Batch(questions);
    int[] selected = new int[questions.size()];
    long[] counts = new long[questions.size()];
    for (Customer c : book) {
      int n = batch.selects(c, selected);
      List<Integer> alone = new ArrayList<>();
      for (int q = 0; q < questions.size(); q++) {
        if (questions.get(q).selects(c)) {
          alone.add(q);
        }
      }
      assertThat(java.util.Arrays.stream(selected, 0, n).boxed().toList())
          .as("the questions selecting %s, ascending", c)
          .isEqualTo(alone);
      for (int q = 0; q < questions.size(); q++) {
        counts[q] += alone.contains(q) ? 1 : 0;
      }
    }
    // each kind selects some customers and leaves others: the comparison is not of empty answers
    for (int q = 1; q < counts.length; q++) {
      if (!questions.get(q).toString().contains("5000")
          && !questions.get(q).toString().contains("true")) {
        assertThat(counts[q]).as("%s", questions.get(q)).isBetween(1L, book.size() - 1L);
      }
    }
    assertThat(counts[0]).isEqualTo(book.size());
  }

  @Test
  void aValueIsTheSameOnlyByEquals() {
    Customer c = Customer.builder("L-1").custom("code", new BigDecimal("5000.00")).build();
    Question scaled = Question.equalTo("custom.code", new BigDecimal("5000"));
    Question same = Question.equalTo("custom.code", new BigDecimal("5000.00"));
    Question text = Question.equalTo("custom.code", "5000.00");
    int[] selected = new int[3];
    int n = new Question.Batch(List.of(scaled, same, text)).selects(c, selected);
    assertThat(java.util.Arrays.copyOf(selected, n)).containsExactly(1);
  }

  @Test
  void onlyEqualityAttributesAreAskedAboutByValue() {
    assertThatThrownBy(() -> Question.equalTo("emi_amount", BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("emi_amount");
  }

  private static Filters dates(LocalDate from, LocalDate to) {
    return new Filters(null, null, null, null, new Filters.DateRange(from, to), null, null);
  }

  private static Filters.AmountRange amounts(String min, String max) {
    return new Filters.AmountRange(new BigDecimal(min), new BigDecimal(max));
  }
}
