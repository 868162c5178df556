package dev.outreach.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.SimpleRequest;
import dev.outreach.core.Customer;
import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkAddTest {
  static Customer customer(int i) {
    return Customer.builder(String.format(Locale.ROOT, "L%05d", i))
        .phoneNumber("+9190000" + String.format(Locale.ROOT, "%05d", i))
        .emiAmount(new BigDecimal("2500.50"))
        .emiDueDate(LocalDate.of(2025, 8, 7))
        .paymentStatus("pending")
        .custom("branch", "pune")
        .custom("dpd", new BigDecimal("12"))
        .build();
  }

  @Test
  void largePortfoliosAreUploadedInChunksOfAtMostTheLimitEveryCustomerOnce() {
    List<Customer> book =
        IntStream.range(0, 25).mapToObj(BulkAddTest::customer).collect(Collectors.toList());

    List<JsonObject> bodies = BulkAdd.bodies("CAMP", book, 10);

    assertThat(bodies).extracting(b -> b.getJsonArray("records").size()).containsExactly(10, 10, 5);
    List<String> ids = new ArrayList<>();
    bodies.forEach(
        b ->
            b.getJsonArray("records").forEach(r -> ids.add(r.asJsonObject().getString("loan_id"))));
    assertThat(ids).hasSize(25).doesNotHaveDuplicates();
    JsonObject first = bodies.get(0);
    assertThat(first.keySet())
        .containsExactly("campaignId", "records")
        .doesNotContain("initiateCall", "useWorkflow");
    assertThat(JsonText.compact(first.getJsonArray("records").getJsonObject(0)))
        .isEqualTo(
            "{\"loan_id\":\"L00000\","
                + "\"phone_number\":\"+919000000000\",\"emi_amount\":2500.50,\"emi_due_date\":\"2025-08-07\","
                + "\"payment_status\":\"pending\"}");
  }

  @Test
  void customersThatCannotBeUploadedAreNamedAndNothingIsPlanned() {
    List<Customer> book = List.of(customer(1), Customer.builder("NOPHONE").build(), customer(1));

    assertThatThrownBy(() -> BulkAdd.bodies("CAMP", book, 10))
        .hasMessageContaining("1 loan id(s) appear more than once: L00001")
        .hasMessageContaining("1 customer(s) have no phone_number, which a contact needs: NOPHONE");
    assertThatThrownBy(() -> BulkAdd.bodies("CAMP", List.of(customer(1)), 10_001))
        .hasMessageContaining("1 to 10000");
  }

  @Test
  void aPhoneNumberThatIsNoPhoneNumberIsNeverUploaded() {
    List<Customer> book =
        List.of(
            customer(1),
            Customer.builder("BAD").phoneNumber("not-a-phone").build(),
            Customer.builder("SHORT").phoneNumber("+9198").build());

    assertThatThrownBy(() -> BulkAdd.bodies("CAMP", book, 10))
        .hasMessageContaining("2 customer(s) have a phone_number that is not a phone number")
        .hasMessageContaining("BAD, SHORT")
        .hasMessageNotContaining("not-a-phone");
  }

  @Test
  void thePlannerUploadsFirstAndTheBodiesMatchTheSpec() {
    List<Customer> book =
        IntStream.range(0, 3).mapToObj(BulkAddTest::customer).collect(Collectors.toList());
    Planner planner =
        Planner.builder("CAMP").zone(ZoneId.of("Asia/Kolkata")).uploadCustomers(true).build();

    Plan plan =
        planner.plan(book, PlannerTest.source(Decisions.call("L00001", "r")), PlannerTest.AS_OF);

    assertThat(plan.steps())
        .extracting(Step::kind)
        .containsExactly(StepKind.BULK_ADD_CUSTOMERS, StepKind.INITIATE_CALLS);
    Step upload = plan.steps().get(0);
    assertThat(upload.path()).isEqualTo("/api/v1/customers/add/bulk");
    assertThat(upload.customerIds()).containsExactly("L00000", "L00001", "L00002");
    assertThat(
            OpenApiBodiesTest.VALIDATOR
                .validateRequest(
                    SimpleRequest.Builder.post(upload.path())
                        .withContentType("application/json")
                        .withHeader("Authorization", "Bearer t")
                        .withBody(upload.bodyBytes())
                        .build())
                .getMessages())
        .isEmpty();
    assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
  }

  @Test
  void aPlanThatUploadsNeverFiltersOnCustomAttributesTheServerWillNotHave() {
    List<Customer> book =
        IntStream.range(0, 200)
            .mapToObj(
                i ->
                    Customer.builder(String.format(Locale.ROOT, "L%05d", i))
                        .phoneNumber("+91900000" + String.format(Locale.ROOT, "%04d", i))
                        .custom("branch", i % 2 == 0 ? "pune" : "delhi")
                        .build())
            .collect(Collectors.toList());
    dev.outreach.core.decision.DecisionSource pune =
        (cs, day, sink) ->
            cs.stream()
                .filter(c -> "pune".equals(c.attribute("branch")))
                .forEach(c -> sink.accept(Decisions.call(c.loanId(), "pune")));

    Plan plain = Planner.builder("C").build().plan(book, pune, PlannerTest.AS_OF);
    Plan uploading =
        Planner.builder("C").uploadCustomers(true).build().plan(book, pune, PlannerTest.AS_OF);

    assertThat(plain.steps())
        .singleElement()
        .satisfies(s -> assertThat(s.body().toString()).contains("\"custom\""));
    assertThat(uploading.steps())
        .filteredOn(s -> s.kind().contacts())
        .allSatisfy(s -> assertThat(s.body().toString()).doesNotContain("\"custom\""));
  }
}
