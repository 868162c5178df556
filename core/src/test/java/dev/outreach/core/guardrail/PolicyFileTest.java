package dev.outreach.core.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreach.core.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  @TempDir Path dir;

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void theSamplePolicyOverridesItsPresetAndReadsItsDoNotContactList() throws Exception {
    Path sample = Path.of(getClass().getResource("/guardrail/policy.json").toURI());

    GuardrailPolicy p = GuardrailPolicy.read(sample);

    assertThat(p.hours())
        .isEqualTo(
            Map.of(
                Channel.CALL, ContactHours.of("08:00", "19:00"),
                Channel.SMS, ContactHours.of("09:00", "20:00"),
                Channel.WHATSAPP, ContactHours.of("08:00", "21:00"))); // from the preset
    assertThat(p.workingDays()).doesNotContain(DayOfWeek.SUNDAY).hasSize(6);
    assertThat(p.holidays()).containsExactly(LocalDate.of(2025, 8, 15), LocalDate.of(2025, 10, 2));
    assertThat(p.doNotContact()).containsExactlyInAnyOrder("LOAN-1007", "LOAN-2040", "LOAN-3311");
    assertThat(p.caps()).containsExactly(FrequencyCap.days(Channel.CALL, 7, 7));
    assertThat(p.coolOffs()).containsExactly(CoolOff.days(Channel.CALL, 7, "conversation"));
    assertThat(p.onViolation()).isEqualTo(OnViolation.MOVE);
    assertThat(p.horizonDays()).isEqualTo(14);
  }

  @Test
  void aPresetIsKeptWhereNoKeyOverridesIt() throws Exception {
    Path p =
        file(
            "policy.json",
            "{\"preset\": \"US-REG-F\", \"hours\": {\"call\": {\"from\": \"09:00\", \"to\": \"20:00\"},"
                + " \"WHATSAPP\": null}, \"onViolation\": \"drop\"}");

    GuardrailPolicy policy = GuardrailPolicy.read(p);

    assertThat(policy)
        .isEqualTo(
            GuardrailPolicy.usRegF().toBuilder()
                .hours(Channel.CALL, ContactHours.of("09:00", "20:00"))
                .anyHour(Channel.WHATSAPP)
                .onViolation(OnViolation.DROP)
                .build());
  }

  @Test
  void withoutAPresetTheRbiDefaultsAreTheStart() throws Exception {
    assertThat(GuardrailPolicy.read(file("policy.json", "{}")))
        .isEqualTo(GuardrailPolicy.defaults());
    assertThat(GuardrailPolicy.read(file("none.json", "{\"preset\": \"none\"}")))
        .isEqualTo(GuardrailPolicy.none());
  }

  @Test
  void theDoNotContactListIsFoundBesideThePolicyFile() throws Exception {
    file("lender/lists/dnc.txt", "L1\n# L2 asked later\nL3\n");
    Path p = file("lender/policy.json", "{\"doNotContact\": \"lists/dnc.txt\"}");

    assertThat(GuardrailPolicy.read(p).doNotContact()).containsExactlyInAnyOrder("L1", "L3");
  }

  @Test
  void everyProblemIsNamedByLineAndKeyPath() throws IOException {
    Path p =
        file(
            "policy.json",
            String.join(
                "\n",
                "{ \"preset\": \"rbi2\",",
                "  \"hours\": { \"CALL\": {\"from\": \"8am\", \"to\": \"19:00\"},",
                "             \"EMAIL\": {\"from\": \"08:00\", \"to\": \"19:00\"},",
                "             \"SMS\": {\"from\": \"21:00\", \"to\": \"09:00\"} },",
                "  \"workingDays\": [\"MON\", \"FUNDAY\"],",
                "  \"holidays\": [\"2025-08-15\", \"2025-13-01\"],",
                "  \"doNotContact\": \"missing.txt\",",
                "  \"caps\": [ {\"channel\": \"CALL\", \"max\": 0, \"days\": 7, \"per\": \"loan\"} ],",
                "  \"coolOff\": [ {\"afterOutcomes\": [], \"days\": 7} ],",
                "  \"onViolation\": \"SKIP\",",
                "  \"horizonDays\": 400,",
                "  \"colour\": \"blue\" }"));

    assertThatThrownBy(() -> GuardrailPolicy.read(p))
        .isInstanceOfSatisfying(
            GuardrailFileException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(x -> x.line() + ":" + x.field())
                  .containsExactly(
                      "1:preset",
                      "2:hours.CALL.from",
                      "3:hours.EMAIL",
                      "4:hours.SMS",
                      "5:workingDays[1]",
                      "6:holidays[1]",
                      "7:doNotContact",
                      "8:caps[0].per",
                      "8:caps[0].max",
                      "9:coolOff[0].channel",
                      "9:coolOff[0].afterOutcomes",
                      "10:onViolation",
                      "11:horizonDays",
                      "12:colour");
              assertThat(e.getMessage())
                  .startsWith(p + ": 14 problems, the policy was not read")
                  .contains(
                      "policy.json:1: preset: \"rbi2\" is not a preset (rbi, us-reg-f, us, us-fl, us-wa, us-ma, none)",
                      "policy.json:2: hours.CALL.from: \"8am\" is not a time as HH:mm",
                      "policy.json:3: hours.EMAIL: \"EMAIL\" is not a channel (CALL, SMS or WHATSAPP)",
                      "policy.json:4: hours.SMS: from 21:00 is not before to 09:00 (hours may not cross midnight)",
                      "policy.json:5: workingDays[1]: \"FUNDAY\" is not a day (MON, TUE, WED, THU, FRI, SAT or SUN)",
                      "policy.json:6: holidays[1]: \"2025-13-01\" is not a date as YYYY-MM-DD",
                      "policy.json:7: doNotContact: \"missing.txt\" not found",
                      "policy.json:8: caps[0].per: unknown key (expected channel, max, days)",
                      "policy.json:8: caps[0].max: 0 is not a number of attempts from 1 to 10000",
                      "policy.json:9: coolOff[0].channel: is missing",
                      "policy.json:9: coolOff[0].afterOutcomes: is empty",
                      "policy.json:10: onViolation: \"SKIP\" is not MOVE or DROP",
                      "policy.json:11: horizonDays: 400 is not a number of days from 0 to 366",
                      "policy.json:12: colour: unknown key (expected preset, hours, workingDays, holidays, doNotContact, caps,"
                          + " coolOff, onViolation, horizonDays, capacity, consent, jurisdictions, oncePerDay)");
            });
  }

  @Test
  void aLineOfTheDoNotContactListThatIsNotOneIdIsAProblem() throws IOException {
    file("dnc.txt", "L1\nL2 L3\n");
    Path p = file("policy.json", "{\n  \"doNotContact\": \"dnc.txt\"\n}");

    assertThatThrownBy(() -> GuardrailPolicy.read(p))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining(
            "policy.json:2: doNotContact: dnc.txt:2: \"L2 L3\" is not one loan id;"
                + " write one loan id per line");
  }

  @Test
  void aPolicyFileOrDoNotContactListThatIsNotUtf8IsNamedByLineAndByte() throws IOException {
    Files.write(dir.resolve("dnc.txt"), "L1\nL\u00e92\n".getBytes(StandardCharsets.ISO_8859_1));
    Path p = file("policy.json", "{\n  \"doNotContact\": \"dnc.txt\"\n}");

    assertThatThrownBy(() -> GuardrailPolicy.read(p))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining(
            "policy.json:2: doNotContact: dnc.txt:2: the file is not UTF-8: byte 0xE9");

    Path latin1 = dir.resolve("latin1.json");
    Files.write(
        latin1,
        "{\n  \"holidays\": [\"2025-08-15\"],\n  \"preset\": \"caf\u00e9\"\n}"
            .getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> GuardrailPolicy.read(latin1))
        .isInstanceOf(GuardrailFileException.class)
        .hasMessageContaining("latin1.json:3:")
        .hasMessageContaining("0xE9")
        .hasMessageContaining("Latin-1");
  }

  @Test
  void invalidJsonIsReportedWithItsLine() throws IOException {
    Path p = file("policy.json", "{\n  \"preset\": \"rbi\",\n  \"horizonDays\": 14,\n}");

    assertThatThrownBy(() -> GuardrailPolicy.read(p))
        .isInstanceOfSatisfying(
            GuardrailFileException.class,
            e -> {
              assertThat(e.problems())
                  .singleElement()
                  .satisfies(x -> assertThat(x.line()).isEqualTo(4));
              assertThat(e.getMessage()).contains("policy.json:4: not valid JSON at line 4");
            });
  }

  @Test
  void valuesOfTheWrongKindAreNamed() throws IOException {
    Path p =
        file("policy.json", "{\"holidays\": \"2025-08-15\", \"caps\": [7], \"workingDays\": []}");

    assertThatThrownBy(() -> GuardrailPolicy.read(p))
        .isInstanceOfSatisfying(
            GuardrailFileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(x -> x.field() + ": " + x.message())
                    .containsExactlyInAnyOrder(
                        "holidays: expected an array of dates as YYYY-MM-DD, found \"2025-08-15\"",
                        "caps[0]: expected {\"channel\": \"CALL\", \"max\": 7, \"days\": 7}, found 7",
                        "workingDays: is empty; at least one day must be a working day"));
  }

  @Test
  void coolOffOutcomesAreReadIgnoringCase() throws Exception {
    Path p =
        file(
            "policy.json",
            "{\"coolOff\": [{\"channel\": \"whatsapp\", \"afterOutcomes\": [\"Replied\", \" PTP \"],"
                + " \"days\": 2}]}");

    assertThat(GuardrailPolicy.read(p).coolOffs())
        .containsExactly(
            new CoolOff(Channel.WHATSAPP, Set.of("replied", "ptp"), Duration.ofDays(2)));
    assertThat(CoolOff.days(Channel.CALL, 1, "X").afterOutcomes()).containsExactly("x");
  }
}
