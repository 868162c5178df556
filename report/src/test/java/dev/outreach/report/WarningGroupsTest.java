package dev.outreach.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreach.core.plan.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WarningGroupsTest {
  @Test
  void weekendMovesAndDoNotContactDropsAreGroupedByCodeRuleChannelAndOutcome() {
    Plan plan = Book.weekend(300);

    WarningGroups w = WarningGroups.of(plan);

    assertThat(w.total()).isEqualTo(600);
    assertThat(w.planWide()).isEmpty();
    assertThat(w.groups())
        .extracting(
            g ->
                g.warnings()
                    + " "
                    + g.code()
                    + " "
                    + g.rule()
                    + " "
                    + g.channel()
                    + " "
                    + g.outcome()
                    + " "
                    + g.examples())
        .containsExactly(
            "294 WORKING_DAYS Overdue: SMS SMS moved to Mon 2025-08-11 08:00 [LOAN-000001, LOAN-000002, LOAN-000003]",
            "196 WORKING_DAYS Overdue: call CALL moved to Mon 2025-08-11 08:00 [LOAN-000001, LOAN-000002, LOAN-000004]",
            "98 WORKING_DAYS High risk: call CALL moved to Mon 2025-08-11 08:00 [LOAN-000003, LOAN-000006, LOAN-000009]",
            "6 DO_NOT_CONTACT Overdue: SMS SMS dropped [LOAN-000050, LOAN-000100, LOAN-000150]",
            "4 DO_NOT_CONTACT Overdue: call CALL dropped [LOAN-000050, LOAN-000100, LOAN-000200]",
            "2 DO_NOT_CONTACT High risk: call CALL dropped [LOAN-000150, LOAN-000300]");
  }

  @Test
  void theGroupsDoNotDependOnTheOrderOfThePlansWarnings() {
    Plan plan = Book.weekend(500);
    List<Plan.Warning> shuffled = new ArrayList<>(plan.warnings());
    Collections.shuffle(shuffled, new Random(7));
    Plan reordered =
        new Plan(
            plan.campaignId(),
            plan.asOf(),
            plan.zone(),
            plan.summary(),
            plan.steps(),
            plan.suppressed(),
            plan.undecided(),
            plan.overrides(),
            shuffled,
            plan.experiments());

    assertThat(WarningGroups.of(reordered).groups()).isEqualTo(WarningGroups.of(plan).groups());
  }

  @Test
  void movesToDifferentMinutesOfOneHourShareAGroupShownAsThatHour() {
    Plan plan =
        withWarnings(
            List.of(
                moved(
                    "L3",
                    "call at Sat 2025-08-09 10:00 Asia/Kolkata is on a Saturday, not a working day; moved to Mon 2025-08-11 14:20"),
                moved(
                    "L1",
                    "call at Sat 2025-08-09 10:00 Asia/Kolkata is on a Saturday, not a working day; moved to Mon 2025-08-11 14:45"),
                moved(
                    "L2",
                    "call at 06:00 Asia/Kolkata is outside calling hours 08:00–19:00; moved to 08:00"),
                moved(
                    "L4",
                    "call at 06:00 Asia/Kolkata is outside calling hours 08:00–19:00; moved to 08:00"),
                new Plan.Warning(
                    "TIMING_PASSED",
                    "L5",
                    "R",
                    "WHATSAPP not planned: the window 08:00–09:00 has passed"),
                new Plan.Warning(
                    "BATCH_FOLDER_EXCLUDE",
                    "L6",
                    null,
                    "must not be in folder 7 of batch \"b\": suppressed"),
                new Plan.Warning(
                    "HOLIDAY",
                    null,
                    "R",
                    "batch \"b\" (step s0001) would call on holidays 2025-08-15")));

    WarningGroups w = WarningGroups.of(plan);

    assertThat(w.planWide()).extracting(Plan.Warning::code).containsExactly("HOLIDAY");
    assertThat(w.groups())
        .extracting(
            g ->
                g.warnings()
                    + " "
                    + g.code()
                    + " "
                    + g.rule()
                    + " "
                    + g.channel()
                    + " "
                    + g.outcome()
                    + " "
                    + g.examples())
        .containsExactly(
            "2 CALLING_HOURS R CALL moved to 08:00 the same day [L2, L4]",
            "2 WORKING_DAYS R CALL moved to Mon 2025-08-11 14:00–14:59 [L1, L3]",
            "1 BATCH_FOLDER_EXCLUDE - - note [L6]",
            "1 TIMING_PASSED R WHATSAPP dropped [L5]");
  }

  private static Plan.Warning moved(String id, String message) {
    return new Plan.Warning(
        message.contains("Saturday") ? "WORKING_DAYS" : "CALLING_HOURS", id, "R", message);
  }

  static Plan withWarnings(List<Plan.Warning> warnings) {
    Plan p = Book.weekend(1);
    return new Plan(
        p.campaignId(),
        p.asOf(),
        p.zone(),
        p.summary(),
        p.steps(),
        p.suppressed(),
        p.undecided(),
        p.overrides(),
        warnings,
        p.experiments());
  }
}
