package dev.outreach.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import dev.outreach.core.guardrail.ContactHistory.Attempt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactHistoryTest {
  @TempDir Path dir;

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void theSampleHistoryIsIndexedByLoanAndChannelOldestFirst() throws Exception {
    ContactHistory h =
        ContactHistory.read(Path.of(getClass().getResource("/guardrail/history.csv").toURI()));

    assertThat(h.size()).isEqualTo(4);
    assertThat(h.attempts("LOAN-1001", Channel.CALL))
        .containsExactly(
            new Attempt("LOAN-1001", Channel.CALL, Instant.parse("2025-07-30T12:35:00Z"), "busy"),
            new Attempt(
                "LOAN-1001", Channel.CALL, Instant.parse("2025-08-01T04:45:00Z"), "conversation"));
    assertThat(h.attempts("LOAN-1001", Channel.SMS))
        .containsExactly(
            new Attempt("LOAN-1001", Channel.SMS, Instant.parse("2025-08-01T03:30:00Z"), null));
    assertThat(h.attempts("LOAN-1002", Channel.CALL))
        .extracting(Attempt::outcome)
        .containsExactly("no_answer");
    assertThat(h.attempts("LOAN-1001", Channel.WHATSAPP)).isEmpty();
    assertThat(h.attempts("LOAN-9999", Channel.CALL)).isEmpty();
  }

  @Test
  void theOutcomeColumnMayBeLeftOut() throws Exception {
    Path p =
        file("h.csv", "\uFEFFLoan_ID,Channel,Timestamp\nL1,whatsapp,2025-08-01T10:00:00+05:30\n");

    assertThat(ContactHistory.read(p).attempts("L1", Channel.WHATSAPP))
        .singleElement()
        .satisfies(a -> assertThat(a.outcome()).isNull());
  }

  @Test
  void everyBadRowIsReportedWithLineAndColumnAndNothingIsRead() throws IOException {
    Path p =
        file(
            "bad.csv",
            "loan_id,channel,timestamp,outcome\n"
                + "L1,CALL,2025-08-01T10:15:00+05:30,conversation\n"
                + "L2,EMAIL,2025-08-01T10:15:00+05:30,\n"
                + "L3,CALL,2025-08-01 10:15,\n"
                + "L4,SMS,2025-08-01T10:15:00,\n"
                + ",CALL,2025-08-01T10:15:00Z,\n"
                + "L5,CALL\n");

    assertThatThrownBy(() -> ContactHistory.read(p))
        .isInstanceOfSatisfying(
            GuardrailFileException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(x -> x.line() + ":" + x.field())
                  .containsExactly(
                      "3:channel", "4:timestamp", "5:timestamp", "6:loan_id", "7:null");
              assertThat(e.getMessage())
                  .startsWith(p + ": 5 problems, nothing was read")
                  .contains(
                      "bad.csv:3: channel: \"EMAIL\" is not a channel (CALL, SMS or WHATSAPP)",
                      "bad.csv:4: timestamp: \"2025-08-01 10:15\" is not a timestamp as ISO-8601 with an offset,"
                          + " e.g. 2025-08-01T10:15:00+05:30",
                      "bad.csv:5: timestamp: \"2025-08-01T10:15:00\" has no offset; write it with one, e.g."
                          + " 2025-08-01T10:15:00+05:30",
                      "bad.csv:6: loan_id: is empty; every attempt needs a loan id",
                      "bad.csv:7: has 2 fields but the header has 4");
            });
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    Path p = file("h.csv", "loan_id,outcome,when\nL1,conversation,2025-08-01T10:15:00Z\n");

    assertThatThrownBy(() -> ContactHistory.read(p))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining(
            "h.csv:1: the header has no channel, timestamp columns (found: loan_id, outcome, when;"
                + " expected loan_id,channel,timestamp,outcome)");
  }

  @Test
  void anEmptyFileIsAProblemAndAHeaderAloneIsAnEmptyHistory() throws Exception {
    assertThatThrownBy(() -> ContactHistory.read(file("empty.csv", "")))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining(
            "empty.csv:1: the file is empty; expected the header loan_id,channel,timestamp,outcome");
    assertThat(
            ContactHistory.read(file("header.csv", "loan_id,channel,timestamp,outcome\n")).size())
        .isZero();
  }

  @Test
  void attemptsGivenInAnyOrderAreKeptOldestFirst() {
    ContactHistory h =
        ContactHistory.of(
            List.of(
                new Attempt(
                    "L1", Channel.CALL, Instant.parse("2025-08-03T10:00:00Z"), " No_Answer "),
                new Attempt(
                    "L1", Channel.CALL, Instant.parse("2025-08-01T10:00:00Z"), "CONVERSATION")));

    assertThat(h.attempts("L1", Channel.CALL))
        .extracting(Attempt::outcome)
        .containsExactly("conversation", "no_answer");
    assertThat(ContactHistory.empty().size()).isZero();
  }

  @Test
  void aHistoryThatIsNotUtf8IsNotReadWithItsBytesReplaced() throws Exception {
    Path p = dir.resolve("latin1.csv");
    Files.write(
        p,
        "loan_id,channel,timestamp\nL\u00e91,call,2025-08-01T10:00:00+05:30\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> ContactHistory.read(p))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining("latin1.csv:2:")
        .hasMessageContaining("0xE9")
        .hasMessageContaining("Latin-1");
  }

  @Test
  void aRowThatSwallowsTheFileInAnOpenQuoteIsNamedByTheLineBeforeIt() throws Exception {
    Path p = dir.resolve("quote.csv");
    Files.writeString(
        p,
        "loan_id,channel,timestamp\nL1,call,2025-08-01T10:00:00+05:30\n"
            + "L2,call,\"2025-08-01T10:00:00+05:30\n"
            + "x".repeat(17 * 1024 * 1024)
            + "\n");

    assertThatThrownBy(() -> ContactHistory.read(p))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining("quote.csv:3:")
        .hasMessageContaining("malformed CSV after line 2");
  }

  @Test
  void promisesToPayAreReadFromTheirOptionalColumnsAndCheckedCellByCell() throws Exception {
    ContactHistory h =
        ContactHistory.read(
            file(
                "promises.csv",
                "Loan_ID,Channel,Timestamp,Outcome,Promised Date,promised-amount,agent\n"
                    + "L1,whatsapp,2025-08-01T10:15:00+05:30,Promise_To_Pay,2025-08-09,1250.50,a\n"
                    + "L1,CALL,2025-07-30T10:15:00+05:30,no_answer,,,b\n"
                    + "L1,SMS,2025-08-01T10:15:00+05:30,promise_to_pay, 2025-08-10 ,,c\n"));
    assertThat(h.attempts("L1"))
        .containsExactly(
            new Attempt(
                "L1", Channel.CALL, Instant.parse("2025-07-30T04:45:00Z"), "no_answer", null, null),
            new Attempt(
                "L1",
                Channel.SMS,
                Instant.parse("2025-08-01T04:45:00Z"),
                "promise_to_pay",
                java.time.LocalDate.parse("2025-08-10"),
                null),
            new Attempt(
                "L1",
                Channel.WHATSAPP,
                Instant.parse("2025-08-01T04:45:00Z"),
                "promise_to_pay",
                java.time.LocalDate.parse("2025-08-09"),
                new java.math.BigDecimal("1250.50")));

    Path bad =
        file(
            "bad-promises.csv",
            "loan_id,channel,timestamp,outcome,promised_date,promised_amount\n"
                + "L1,CALL,2025-08-01T10:15:00+05:30,promise_to_pay,09/08/2025,100\n"
                + "L2,CALL,2025-08-01T10:15:00+05:30,promise_to_pay,2025-08-09,-5\n"
                + "L3,CALL,2025-08-01T10:15:00+05:30,promise_to_pay,2025-02-30,1e400\n");
    assertThatThrownBy(() -> ContactHistory.read(bad))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining("4 problems, nothing was read")
        .hasMessageContaining(
            "bad-promises.csv:2: promised_date: \"09/08/2025\" is not a date as yyyy-MM-dd")
        .hasMessageContaining("bad-promises.csv:3: promised_amount: \"-5\" is negative")
        .hasMessageContaining("bad-promises.csv:4: promised_date: \"2025-02-30\"")
        .hasMessageContaining("bad-promises.csv:4: promised_amount: \"1e400\"");
  }
}
