package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that would end the whole program are refused when they are compiled. */
class ProgramExitsTest {
  static RuleCompileException refused(String file, String drl) {
    try {
      RuleSet.compile(List.of(new RuleSource(file, RuleSetTest.HEADER + drl)));
    } catch (RuleCompileException e) {
      return e;
    }
    throw new AssertionError("compiled");
  }

  @Test
  void systemExitInAConsequenceIsRefusedNamingFileLineColumnAndRule() {
    RuleCompileException e =
        refused(
            "rules/bye.drl",
            "\nrule \"Bye\"\nwhen\n  $c : Customer()\nthen\n"
                + "  insert( Decision.sms($c).template(\"t\") );\n  System.exit(0);\nend\n");

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rules/bye.drl");
              assertThat(p.line()).isEqualTo(10);
              assertThat(p.column()).isEqualTo(3);
              assertThat(p.message())
                  .startsWith("rule \"Bye\" calls System.exit, which would end the whole program");
            });
    assertThat(e).hasMessageContaining("rules/bye.drl:10:3: error: rule \"Bye\" calls System.exit");
  }

  @Test
  void everyWayToTheRuntimeIsRefusedInRulesAndFunctions() {
    RuleCompileException e =
        refused(
            "rules/bye.drl",
            "function void quit() { java.lang.System . exit(2); }\n"
                + "rule 'Halt' dialect \"mvel\"\nwhen\n  $c : Customer()\nthen\n  Runtime.getRuntime().halt(0);\nend\n"
                + "rule Later\nwhen\n  $c : Customer()\nthen\n  Runtime r = Runtime.getRuntime(); r.exit(0);\nend\n");

    assertThat(e.problems())
        .extracting(p -> p.line() + " " + p.message().substring(0, p.message().indexOf(',')))
        .containsExactly(
            "4 function quit calls System.exit",
            "9 rule \"Halt\" uses Runtime.getRuntime() (which can exit or halt)",
            "15 rule \"Later\" uses Runtime.getRuntime() (which can exit or halt)");
  }

  @Test
  void aMentionInACommentOrTextIsNotACall() {
    assertThatCode(
            () ->
                RuleSet.compile(
                    List.of(
                        new RuleSource(
                            "rules/ok.drl",
                            RuleSetTest.HEADER
                                + "// System.exit(0) would be wrong here\n/* Runtime.getRuntime() too */\n"
                                + "rule \"Ok\"\nwhen\n  $c : Customer()\nthen\n"
                                + "  insert( Decision.suppress($c, \"no System.exit(0) or 'Runtime.getRuntime()' here\") );\nend\n"))))
        .doesNotThrowAnyException();
  }

  @Test
  void anExitIsReportedWithTheOtherErrors() {
    assertThatThrownBy(
            () ->
                RuleSet.compile(
                    List.of(
                        new RuleSource(
                            "a.drl",
                            RuleSetTest.HEADER
                                + "rule \"A\" when $c : Customer() then System.exit(1); end\n"),
                        new RuleSource(
                            "b.drl",
                            RuleSetTest.HEADER + "rule \"B\" when $c : Customer( then end\n"))))
        .isInstanceOfSatisfying(
            RuleCompileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(RuleProblem::file)
                    .as(e.getMessage())
                    .containsExactly("a.drl", "b.drl"));
  }
}
