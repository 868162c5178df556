package dev.outreach.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Customer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Portfolios a lender's export may get wrong, each refused with the file, line and column named.
 */
class MalformedPortfolioTest {
  @TempDir Path dir;

  Path file(String name, String text) throws IOException {
    return bytes(name, text.getBytes(StandardCharsets.UTF_8));
  }

  Path bytes(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  static void refused(Path p, Consumer<PortfolioException> check) {
    assertThatThrownBy(() -> PortfolioReader.read(p))
        .isInstanceOfSatisfying(PortfolioException.class, check);
  }

  static String where(PortfolioException e) {
    PortfolioException.Problem p = e.problems().get(0);
    return p.line() + ":" + p.field();
  }

  @Test
  void aLatin1CsvIsRefusedNamingTheLineAndColumnOfTheFirstByteThatIsNotUtf8() throws Exception {
    byte[] latin1 = "loan_id,first_name\nL1,Asha\nL2,José\n".getBytes(StandardCharsets.ISO_8859_1);
    Path p = bytes("book.csv", latin1);

    refused(
        p,
        e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).line()).isEqualTo(3);
          assertThat(e.getMessage())
              .contains(
                  "book.csv:3:",
                  "not UTF-8",
                  "0xE9",
                  "column 7",
                  "byte offset 33",
                  "Latin-1",
                  "'é'",
                  "UTF-8")
              .doesNotContain("Input length");
        });
  }

  @Test
  void aLatin1JsonLinesFileIsRefusedTheSameWay() throws Exception {
    byte[] latin1 =
        "{\"loan_id\":\"L1\"}\n{\"loan_id\":\"L2\",\"first_name\":\"Zoë\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    refused(
        bytes("book.jsonl", latin1),
        e -> {
          assertThat(e.problems().get(0).line()).isEqualTo(2);
          assertThat(e.getMessage())
              .contains("book.jsonl:2:", "not UTF-8", "0xEB", "column 33", "Latin-1");
        });
  }

  @Test
  void aUtf16FileIsToldToBeSavedAsUtf8() throws Exception {
    byte[] body = "loan_id\nL1\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 2, body.length);

    refused(
        bytes("utf16.csv", withBom),
        e -> assertThat(e.getMessage()).contains("utf16.csv:1:", "UTF-16"));
  }

  @Test
  void aUtf8ByteOrderMarkIsAcceptedInCsvAndJsonLines() throws Exception {
    assertThat(PortfolioReader.read(file("bom.csv", "\uFEFFloan_id,first_name\nL1,José\n")))
        .extracting(Customer::firstName)
        .containsExactly("José");
    assertThat(
            PortfolioReader.read(
                file("bom.jsonl", "\uFEFF{\"loan_id\":\"L1\",\"first_name\":\"José\"}\n")))
        .extracting(Customer::firstName)
        .containsExactly("José");
  }

  @Test
  void aFieldTooLongToReadNamesItsLineColumnAndTheLimit() throws Exception {
    String huge = "x".repeat(20_000_000);
    Path p =
        file("huge.csv", "loan_id,note,branch\nL1,ok,pune\nL2," + huge + ",delhi\nL3,ok,pune\n");

    refused(
        p,
        e -> {
          assertThat(where(e)).isEqualTo("3:note");
          assertThat(e.getMessage())
              .contains("huge.csv:3: note:", "longer than 16,777,216 characters")
              .doesNotContain("xxxxxxxxxx", ":0:");
          assertThat(e.getMessage().length()).isLessThan(1_000);
        });
  }

  @Test
  void aQuoteThatNeverClosesNamesTheLineWhereItOpens() throws Exception {
    StringBuilder sb = new StringBuilder("loan_id,note,branch\nL1,ok,pune\nL2,\"opened,delhi\n");
    for (int i = 3; sb.length() < 17_500_000; i++) {
      sb.append("L").append(i).append(",a fairly ordinary note for this customer,pune\n");
    }

    refused(
        file("quote.csv", sb.toString()),
        e -> {
          assertThat(where(e)).isEqualTo("3:note");
          assertThat(e.getMessage()).contains("quote (\") opens a field and is never closed");
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-5",
        "-0.01",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "0.000000001",
        "1234567890123456",
        "12500.123456",
        "0x10",
        "1,000"
      })
  void anAmountThatIsNegativeNotFiniteHugeOrOverPreciseIsRefusedByLineAndColumn(String amount)
      throws Exception {
    Path csv = file("amounts.csv", "loan_id,emi_amount\nL1,100\nL2,\"" + amount + "\"\n");
    Path jsonl =
        file(
            "amounts.jsonl",
            "{\"loan_id\":\"L1\",\"loan_amount\":100}\n"
                + "{\"loan_id\":\"L2\",\"loan_amount\":\""
                + amount
                + "\"}\n");

    refused(
        csv,
        e -> {
          assertThat(where(e)).isEqualTo("3:emi_amount");
          assertThat(e.getMessage()).contains("\"" + amount + "\"");
        });
    refused(jsonl, e -> assertThat(where(e)).isEqualTo("2:loan_amount"));
  }

  @Test
  void jsonNumbersThatAreNegativeOrHugeAreRefusedToo() throws Exception {
    Path p =
        file(
            "numbers.jsonl",
            "{\"loan_id\":\"L1\",\"current_emi\":-1}\n"
                + "{\"loan_id\":\"L2\",\"emi_amount\":1e400}\n"
                + "{\"loan_id\":\"L3\",\"loan_period\":1e999999999}\n"
                + "{\"loan_id\":\"L4\",\"loan_period\":-3}\n"
                + "{\"loan_id\":\"L5\",\"custom\":{\"score\":1e999999999}}\n");

    refused(
        p,
        e ->
            assertThat(e.problems())
                .extracting(x -> x.line() + ":" + x.field())
                .containsExactly(
                    "1:current_emi", "2:emi_amount", "3:loan_period", "4:loan_period", "5:custom"));
  }

  @Test
  void zeroAmountsAndPlainAmountsAreAccepted() throws Exception {
    List<Customer> c =
        PortfolioReader.read(
            file(
                "ok.csv",
                "loan_id,loan_amount,emi_amount,current_emi,loan_period\n"
                    + "L1,0,0.00,0,0\nL2,250000,12500.5000,3,24\nL3,1.25e4,99.9999,1,360\n"));

    assertThat(c)
        .extracting(Customer::emiAmount)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0"), new BigDecimal("12500.5"), new BigDecimal("99.9999"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-phone",
        "12345",
        "+91 98765 4321x",
        "9876543210123456789",
        "+91+9876543210",
        "phone: +919876543210"
      })
  void aPhoneNumberThatIsNoPhoneNumberIsRefusedMasked(String phone) throws Exception {
    Path csv = file("phones.csv", "loan_id,phone_number\nL1,+919876543210\nL2," + phone + "\n");
    Path jsonl = file("phones.jsonl", "{\"loan_id\":\"L1\",\"phone_number\":\"" + phone + "\"}\n");

    refused(
        csv,
        e -> {
          assertThat(where(e)).isEqualTo("3:phone_number");
          assertThat(e.getMessage()).contains("is not a phone number").doesNotContain("9876543");
        });
    refused(jsonl, e -> assertThat(where(e)).isEqualTo("1:phone_number"));
  }

  @Test
  void phoneNumbersMayBeGroupedOrLackThePlus() throws Exception {
    List<Customer> c =
        PortfolioReader.read(
            file(
                "ok.csv",
                "loan_id,phone_number\nL1,+91 98765 43210\n"
                    + "L2,(212) 555-0100\nL3,9876543210\nL4,+1.212.555.0100\nL5,\n"));

    assertThat(c)
        .extracting(Customer::phoneNumber)
        .containsExactly(
            "+91 98765 43210", "(212) 555-0100", "9876543210", "+1.212.555.0100", null);
  }

  @Test
  void aJsonLinesRecordWithAKeyTwiceIsRefused() throws Exception {
    Path p =
        file(
            "dupes.jsonl",
            "{\"loan_id\":\"L1\",\"emi_amount\":100,\"emi_amount\":200}\n"
                + "{\"loan_id\":\"L2\",\"custom\":{\"branch\":\"pune\",\"branch\":\"delhi\"}}\n"
                + "{\"loan_id\":\"L3\",\"emiAmount\":100,\"emi_amount\":200}\n"
                + "{\"loan_id\":\"L4\",\"branch\":\"pune\",\"custom\":{\"branch\":\"delhi\"}}\n"
                + "{\"loan_id\":\"L5\",\"loan_id\":\"L6\"}\n");

    refused(
        p,
        e -> {
          assertThat(e.problems())
              .extracting(PortfolioException.Problem::line)
              .containsExactly(1L, 2L, 3L, 4L, 5L);
          assertThat(e.getMessage())
              .contains(
                  "dupes.jsonl:1: key \"emi_amount\" appears twice",
                  "dupes.jsonl:2: key \"branch\" appears twice",
                  "dupes.jsonl:3: emi_amount: names the same field",
                  "dupes.jsonl:4: custom: custom.branch is also a key",
                  "dupes.jsonl:5: key \"loan_id\" appears twice");
        });
  }

  @Test
  void aJsonLinesLineThatIsNoSingleObjectIsRefusedByLine() throws Exception {
    Path p =
        file(
            "shapes.jsonl",
            "{\"loan_id\":\"L0\"}\n[{\"loan_id\":\"L1\"}]\n42\n\"L3\"\nnull\n"
                + "{\"loan_id\":\"L5\"}{\"loan_id\":\"L6\"}\n{\"loan_id\":\"L7\"} trailing\n{\"loan_id\":\"L8\",\n"
                + "{\"loan_id\":\"L9\",\"emi_amount\":NaN}\n");

    refused(
        p,
        e -> {
          assertThat(e.problems())
              .extracting(PortfolioException.Problem::line)
              .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
          assertThat(e.getMessage())
              .contains(
                  "shapes.jsonl:2: expected a JSON object {…}, found an array",
                  "shapes.jsonl:6: unexpected text after the object",
                  "shapes.jsonl:7: ",
                  "shapes.jsonl:9: not valid JSON at column");
        });
  }

  @Test
  void nestedValuesWhereAScalarIsExpectedAreRefusedByField() throws Exception {
    Path p =
        file(
            "nested.jsonl",
            "{\"loan_id\":\"L1\",\"emi_amount\":{\"value\":1}}\n"
                + "{\"loan_id\":\"L2\",\"phone_number\":[\"+919876543210\"]}\n"
                + "{\"loan_id\":\"L3\",\"branch\":{\"name\":\"pune\"}}\n"
                + "{\"loan_id\":{\"id\":\"L4\"}}\n"
                + "{\"loan_id\":\"L5\",\"language\":true}\n");

    refused(
        p,
        e -> {
          assertThat(e.problems())
              .extracting(x -> x.line() + ":" + x.field())
              .containsExactly(
                  "1:emi_amount", "2:phone_number", "3:branch", "4:loan_id", "5:language");
          assertThat(e.getMessage())
              .contains(
                  "must be a string or number, not an object",
                  "must be a string or number, not an array",
                  "must be a string, number or boolean, not an object");
        });
  }

  @Test
  void aPortfolioWithNoCustomersIsRefusedWhateverItsForm() throws Exception {
    refused(
        file("empty.csv", ""), e -> assertThat(e.getMessage()).contains("empty.csv:1:", "empty"));
    refused(
        file("header.csv", "loan_id,phone_number\n"),
        e ->
            assertThat(e.getMessage())
                .contains("header.csv:1:", "has no customers", "only a header row"));
    refused(
        file("empty.jsonl", ""),
        e -> assertThat(e.getMessage()).contains("empty.jsonl:1:", "has no customers"));
    refused(
        file("blank.jsonl", "\n  \n\n"),
        e -> assertThat(e.getMessage()).contains("blank.jsonl", "has no customers"));
    refused(
        file("blank.csv", "\n\n"),
        e -> assertThat(e.getMessage()).contains("blank.csv:1:", "empty"));
  }

  @Test
  void aFileWithOnlyAByteOrderMarkOrWhiteSpaceIsEmpty() throws Exception {
    refused(
        file("bom.csv", "\uFEFF"),
        e -> assertThat(e.getMessage()).contains("bom.csv:1: the file is empty"));
    refused(
        file("spaces.csv", "   \n"),
        e -> assertThat(e.getMessage()).contains("spaces.csv:1: the file is empty"));
    refused(
        file("bom.jsonl", "\uFEFF\n"),
        e -> assertThat(e.getMessage()).contains("has no customers"));
  }

  @Test
  void aFileSeparatedBySemicolonsOrTabsIsToldToUseCommas() throws Exception {
    refused(
        file("semi.csv", "loan_id;first_name\nL1;Asha\n"),
        e ->
            assertThat(e.getMessage())
                .contains(
                    "semi.csv:1: the header has no loan_id column", "separated by ';'", "commas"));
    refused(
        file("tabs.csv", "loan_id\tfirst_name\nL1\tAsha\n"),
        e -> assertThat(e.getMessage()).contains("separated by tabs"));
  }

  @Test
  void aQuoteThatNeverClosesInASmallFileIsCaughtInTheRecordField() throws Exception {
    Path named = file("unclosed.csv", "loan_id,first_name\nL1,\"Asha\nL2,Ravi\n");
    Path counted =
        file("unclosed3.csv", "loan_id,first_name,branch\nL1,\"Asha,pune\nL2,Ravi,delhi\n");

    refused(
        named,
        e -> {
          assertThat(where(e)).isEqualTo("2:first_name");
          assertThat(e.getMessage())
              .contains("holds a line break", "quote (\") opens the field and is never closed");
        });
    refused(
        counted,
        e ->
            assertThat(e.getMessage())
                .contains(
                    "unclosed3.csv:2: has 2 fields but the header has 3",
                    "a quote (\") opens a field on this line and is never closed"));
  }

  @Test
  void aRowWithMoreFieldsThanCsvAllowsNamesItsLine() throws Exception {
    String wide = "loan_id," + "x,".repeat(20_000) + "y";
    refused(
        file("wide.csv", wide + "\nL1\n"),
        e -> {
          assertThat(e.problems().get(0).line()).isEqualTo(1);
          assertThat(e.getMessage())
              .contains("wide.csv:1: a row has more than 16,384 fields")
              .doesNotContain(":0:");
        });
  }

  @Test
  void aPhoneNumberASpreadsheetTurnedIntoANumberSaysSo() throws Exception {
    refused(
        file("excel.csv", "loan_id,phone_number\nL1,9.19876E+11\n"),
        e ->
            assertThat(e.getMessage())
                .contains("excel.csv:2: phone_number:", "a spreadsheet turned it into a number"));
  }

  @Test
  void aPrettyPrintedJsonObjectIsToldToBeOnOneLine() throws Exception {
    refused(
        file("pretty.jsonl", "{\n  \"loan_id\": \"L1\"\n}\n"),
        e ->
            assertThat(e.getMessage())
                .contains(
                    "pretty.jsonl:1: the line ends before the object does",
                    "each whole object on one line"));
  }

  @Test
  void aLoanIdThatIsNoStringOrNumberSaysSo() throws Exception {
    refused(
        file("ids.jsonl", "{\"loan_id\":true}\n{\"loan_id\":[\"L2\"]}\n"),
        e ->
            assertThat(e.getMessage())
                .contains(
                    "ids.jsonl:1: loan_id: must be a string or number, not a boolean",
                    "ids.jsonl:2: loan_id: must be a string or number, not an array"));
  }

  @Test
  void aFolderIsNotAPortfolio() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("exports"));

    assertThatThrownBy(() -> PortfolioReader.read(folder))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exports")
        .hasMessageContaining("is a folder");
  }

  @Test
  void inputQuotedInAMessageHasItsPhoneNumbersMasked() throws Exception {
    refused(
        file("headless.csv", "L1,Asha,+919876543210\nL2,Ravi,+919876500000\n"),
        e ->
            assertThat(e.getMessage())
                .contains("no loan_id column (found: L1, Asha, +91******3210)")
                .doesNotContain("9876543"));
    refused(
        file(
            "json.jsonl",
            "\"+919876543210\"\n{\"loan_id\":\"L2\",\"phone_number\":\"+919876543210\" oops}\n"),
        e ->
            assertThat(e.getMessage())
                .contains("json.jsonl:1:", "json.jsonl:2:")
                .doesNotContain("9876543"));
  }

  @Test
  void aJsonLinesKeyThatIsEmptyIsRefused() throws Exception {
    refused(
        file(
            "keys.jsonl",
            "{\"loan_id\":\"L1\",\"\":\"x\"}\n{\"loan_id\":\"L2\",\"custom\":{\" \":1}}\n"),
        e ->
            assertThat(e.getMessage())
                .contains("keys.jsonl:1: a key is empty", "keys.jsonl:2: custom: a key is empty"));
  }

  @Test
  void aWorkbookOrCompressedFileIsToldWhatItLooksLike() throws Exception {
    byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, (byte) 0x9E, (byte) 0xC3, 0x11};
    byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};

    refused(
        bytes("book.xlsx", xlsx),
        e -> assertThat(e.getMessage()).contains("book.xlsx:1:", "Excel workbook", "CSV UTF-8"));
    refused(
        bytes("book.csv", gzip), e -> assertThat(e.getMessage()).contains("book.csv:1:", "gzip"));
  }

  @Test
  void aRecordFieldOfMegabytesIsRefusedWithoutQuotingItAll() throws Exception {
    String big = "y".repeat(2_000_000);
    Path csv = file("long.csv", "loan_id,first_name\nL1," + big + "\n" + big + ",Asha\n");
    Path jsonl = file("long.jsonl", "{\"loan_id\":\"" + big + "\"}\n");

    refused(
        csv,
        e -> {
          assertThat(e.problems())
              .extracting(x -> x.line() + ":" + x.field())
              .containsExactly("2:first_name", "3:loan_id");
          assertThat(e.getMessage())
              .contains("2,000,000 characters long; a record field holds at most 1,000");
          assertThat(e.getMessage().length()).isLessThan(1_000);
        });
    refused(jsonl, e -> assertThat(where(e)).isEqualTo("1:loan_id"));
  }
}
