package dev.outreach.core.plan;

import static dev.outreach.core.plan.Decisions.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.Customer;
import dev.outreach.core.decision.Ruling;
import dev.outreach.core.decision.Timing;
import dev.outreach.core.guardrail.ContactHistory;
import dev.outreach.core.guardrail.GuardrailPolicy;
import dev.outreach.core.guardrail.Guardrails;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plan put together from customer plans made elsewhere (serialized, as an engine's partitions
 * send them) is the planner's own plan, byte for byte.
 */
class PlanAssemblerTest {
  static final GuardrailPolicy POLICY =
      GuardrailPolicy.defaults().toBuilder().capacity(Channel.CALL, 3).build();

  static Planner planner() {
    return Planner.builder("CAMP")
        .zone(ZoneId.of("Asia/Kolkata"))
        .guardrails(new Guardrails(POLICY, ContactHistory.empty()))
        .build();
  }

  static List<Ruling> rulings(List<Customer> book) {
    List<Ruling> out = new ArrayList<>();
    for (int i = 0; i < book.size(); i++) {
      String id = book.get(i).loanId();
      if (i % 3 != 2) {
        out.add(CapacityTest.scored(id, i % 2, i % 4 == 0 ? null : "0." + i));
      }
      if (i % 5 == 0) {
        out.add(sms(id, "tpl", Timing.NOW, "sms"));
      }
    }
    return out;
  }

  @Test
  void customerPlansMadeApartAndSentAsBytesGiveThePlannersOwnPlan() throws Exception {
    List<Customer> book = PlannerTest.book(40);
    List<Ruling> rulings = rulings(book);
    Plan whole =
        planner().plan(book, PlannerTest.source(rulings.toArray(Ruling[]::new)), PlannerTest.AS_OF);

    CustomerPlanner each =
        CustomerPlanner.of(
            new Guardrails(POLICY, ContactHistory.empty()),
            ZoneId.of("Asia/Kolkata"),
            PlannerTest.AS_OF);
    PlanAssembler assembler = planner().assembler(PlannerTest.AS_OF);
    List<Customer> sorted = new ArrayList<>(book);
    sorted.sort(java.util.Comparator.comparing(Customer::loanId));
    for (Customer c : sorted) {
      List<Ruling> mine = rulings.stream().filter(r -> r.customerId().equals(c.loanId())).toList();
      assembler.add(roundTrip(each.plan(c, mine)));
    }
    Plan apart = assembler.finish(book);

    assertThat(whole.capacity()).isNotEmpty();
    assertThat(whole.warnings()).extracting(Plan.Warning::code).contains("CAPACITY");
    assertThat(PlanJson.write(apart)).isEqualTo(PlanJson.write(whole));
  }

  @Test
  void customerPlansOutOfLoanIdOrderOrTwiceAreRefused() {
    List<Customer> book = PlannerTest.book(3);
    CustomerPlanner each = planner().customerPlanner(PlannerTest.AS_OF);
    PlanAssembler assembler = planner().assembler(PlannerTest.AS_OF);
    assembler.add(each.plan(book.get(1), List.of()));

    assertThatThrownBy(() -> assembler.add(each.plan(book.get(0), List.of())))
        .hasMessageContaining("loan id order");
    assertThatThrownBy(() -> assembler.add(each.plan(book.get(1), List.of())))
        .hasMessageContaining("more than once");
    assertThatThrownBy(
            () -> each.plan(book.get(2), List.of(sms(book.get(0).loanId(), "t", Timing.NOW, "r"))))
        .hasMessageContaining("decided for " + book.get(0).loanId());
    assertThatThrownBy(() -> assembler.finish(book)).hasMessageContaining("3 customers, and 1");
    assertThatThrownBy(() -> assembler.finishByIds(steps -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id lists");
  }

  @Test
  void aPlanOfIdListsNeedsNoPortfolioButItsProof() {
    List<Customer> book = PlannerTest.book(12);
    Planner ids =
        Planner.builder("CAMP")
            .zone(ZoneId.of("Asia/Kolkata"))
            .filters(dev.outreach.core.filter.FilterCompiler.Mode.IDS)
            .build();
    List<Ruling> rulings = rulings(book);
    Plan whole =
        ids.plan(book, PlannerTest.source(rulings.toArray(Ruling[]::new)), PlannerTest.AS_OF);
    CustomerPlanner each = ids.customerPlanner(PlannerTest.AS_OF);
    PlanAssembler assembler = ids.assembler(PlannerTest.AS_OF);
    book.stream()
        .sorted(java.util.Comparator.comparing(Customer::loanId))
        .forEach(
            c ->
                assembler.add(
                    each.plan(
                        c,
                        rulings.stream().filter(r -> r.customerId().equals(c.loanId())).toList())));
    List<List<String>> proved = new ArrayList<>();

    Plan apart = assembler.finishByIds(steps -> steps.forEach(s -> proved.add(s.customerIds())));

    assertThat(PlanJson.write(apart)).isEqualTo(PlanJson.write(whole));
    assertThat(proved).isNotEmpty().hasSize(whole.steps().size());
  }

  @Test
  void aPlanOfFiltersNeedsOnlyTheIndexOfWhatFiltersRead() throws Exception {
    List<Customer> book = new ArrayList<>();
    List<Ruling> rulings = new ArrayList<>();
    smsBook(300, book, rulings);
    Plan whole =
        planner().plan(book, PlannerTest.source(rulings.toArray(Ruling[]::new)), PlannerTest.AS_OF);
    CustomerPlanner each = planner().customerPlanner(PlannerTest.AS_OF);
    PlanAssembler assembler = planner().assembler(PlannerTest.AS_OF);
    dev.outreach.core.filter.SnapshotBuilder index =
        dev.outreach.core.filter.SnapshotIndex.builder();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < book.size(); i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparing(i -> book.get(i).loanId()));
    for (int i : order) {
      Customer c = book.get(i);
      List<Ruling> mine = rulings.stream().filter(r -> r.customerId().equals(c.loanId())).toList();
      assembler.add(roundTrip(each.plan(c, mine)));
      index.add(c);
    }
    List<String> proved = new ArrayList<>();

    Plan apart =
        assembler.finish(index.build(order::get), steps -> steps.forEach(s -> proved.add(s.id())));

    assertThat(whole.steps())
        .anyMatch(s -> s.body().getJsonObject("filters").containsKey("payment_status"));
    assertThat(PlanJson.write(apart)).isEqualTo(PlanJson.write(whole));
    assertThat(proved).hasSize(whole.steps().size());
  }

  @Test
  void aPlanOfFiltersNeedsOnlyTheCustomersItsRequestsMayNameAndAnswersAboutTheRest()
      throws Exception {
    List<Customer> book = new ArrayList<>();
    List<Ruling> rulings = new ArrayList<>();
    smsBook(400, book, rulings);
    Plan whole =
        planner().plan(book, PlannerTest.source(rulings.toArray(Ruling[]::new)), PlannerTest.AS_OF);
    CustomerPlanner each = planner().customerPlanner(PlannerTest.AS_OF);
    PlanAssembler assembler = planner().assembler(PlannerTest.AS_OF);
    dev.outreach.core.filter.SnapshotBuilder kept =
        dev.outreach.core.filter.SnapshotIndex.builder();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < book.size(); i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparing(i -> book.get(i).loanId()));
    List<Integer> keptAt = new ArrayList<>();
    long weight = 0;
    for (int i : order) {
      Customer c = book.get(i);
      List<Ruling> mine = rulings.stream().filter(r -> r.customerId().equals(c.loanId())).toList();
      CustomerPlan p = roundTrip(each.plan(c, mine));
      assembler.add(p);
      weight += dev.outreach.core.filter.PartialSnapshot.weight(c.loanId());
      if (p.grouped()) {
        kept.add(c);
        keptAt.add(i * 2); // positions may leave gaps
      }
    }
    List<Integer> sorted = new ArrayList<>(keptAt);
    sorted.sort(null);
    int[] positions = sorted.stream().mapToInt(Integer::intValue).toArray();
    int[] rounds = {0};
    dev.outreach.core.filter.PartialSnapshot.Engine engine =
        (questions, answers) -> {
          rounds[0]++;
          for (int q = 0; q < questions.size(); q++) {
            dev.outreach.core.filter.Question question = questions.get(q);
            for (int i = 0; i < book.size(); i++) {
              Customer c = book.get(i);
              if (question.selects(c)) {
                answers.counted(q, 1, dev.outreach.core.filter.PartialSnapshot.weight(c.loanId()));
                if (question.lists()) {
                  answers.listed(q, i * 2, c.loanId(), question.probe(c));
                }
              } else {
                answers.counted(q, 0, 0);
              }
            }
          }
        };
    dev.outreach.core.filter.PartialSnapshot partial =
        dev.outreach.core.filter.PartialSnapshot.of(
            book.size(),
            weight,
            kept.build(k -> java.util.Collections.binarySearch(sorted, keptAt.get(k))),
            positions,
            engine);
    List<String> proved = new ArrayList<>();

    Plan apart = assembler.finish(partial, steps -> steps.forEach(s -> proved.add(s.id())));

    assertThat(whole.steps())
        .anyMatch(s -> s.body().getJsonObject("filters").containsKey("payment_status"));
    assertThat(PlanJson.write(apart)).isEqualTo(PlanJson.write(whole));
    assertThat(proved).hasSize(whole.steps().size());
    assertThat(rounds[0]).isEqualTo(partial.rounds()).isPositive();
    assertThat(keptAt).hasSizeLessThan(book.size());
  }

  /**
   * {@code n} customers of three statuses, two languages and a unicode branch, and an SMS for each
   * one not paid (but every eleventh).
   */
  private static void smsBook(int n, List<Customer> book, List<Ruling> rulings) {
    for (int i = 0; i < n; i++) {
      String status = i % 3 == 0 ? "bounced" : i % 3 == 1 ? "paid" : "pending";
      Customer c =
          Customer.builder("L" + (i * 7919 % 1000))
              .paymentStatus(status)
              .language(i % 4 == 0 ? "hi" : "en")
              .emiAmount(new java.math.BigDecimal(100 + i % 17))
              .emiDueDate(java.time.LocalDate.of(2025, 8, 1 + i % 9))
              .custom("branch", i % 5 == 0 ? "पुणे" : "mumbai")
              .build();
      book.add(c);
      if (!status.equals("paid") && i % 11 != 0) {
        rulings.add(sms(c.loanId(), "tpl", Timing.NOW, "sms"));
      }
    }
  }

  private static CustomerPlan roundTrip(CustomerPlan p) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (CustomerPlan) in.readObject();
    }
  }
}
