package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DRL syntax errors are told in plain words, at file, line and column, once each. */
class DrlSyntaxTest {
  static RuleProblem onlyError(String drl) {
    try {
      RuleSet.compile(List.of(new RuleSource("rules/s.drl", RuleSetTest.HEADER + drl)));
    } catch (RuleCompileException e) {
      assertThat(e.problems()).as(e.getMessage()).hasSize(1);
      assertThat(e.getMessage())
          .doesNotContain("ERR 1", "mismatched input", "Exception", "null Package");
      return e.problems().get(0);
    }
    throw new AssertionError("compiled");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "rule \"broken\" when $c : Customer( then end"
            + "|4|40|syntax error in rule \"broken\": unexpected \"end\"",
        "rule \"x\"\\nwhen\\n  $c : Customer( paymentStatus == \"bounced\" \\nthen\\nend"
            + "|7|1|syntax error in rule \"x\": unexpected \"then\": the condition before it is not complete (a missing \")\"?)",
        "rule \"x\"\\nwhen\\n  $c : Customer( )\\nthen\\n  insert( Decision.sms($c).template(\"t\") );"
            + "|9|1|syntax error in rule \"x\": the file ends before the rule is complete (a missing \"end\", closing bracket or closing quote?)",
        "rule \"x\"\\nwhen\\n  $c : Customer( paymentStatus == \"bounced )\\nthen\\nend"
            + "|9|1|syntax error: the file ends before the statement is complete (a missing \"end\", closing bracket or closing quote?)",
        "rul \"x\"\\nwhen\\n  $c : Customer( )\\nthen\\nend"
            + "|4|1|syntax error: unexpected \"rul\" (expected one of package, unit, import, global, declare, function, rule, query)",
        "rule \"x\"\\nwhen\\n  $c : Customer( paymentStatus = \"bounced\" )\\nthen\\nend"
            + "|6|32|syntax error in rule \"x\": unexpected \"=\": compare with \"==\"",
        "rule \"x\"\\nwhen\\n  $c : Customer( paymentStatus == \"bounced\" , )\\nthen\\nend"
            + "|6|47|syntax error in rule \"x\": cannot read \")\" here (a missing or extra bracket, comma or quote near it?)",
        "rule\\nwhen\\n  $c : Customer( )\\nthen\\nend"
            + "|5|1|syntax error: the rule has no name: write rule \"A name\" before \"when\"",
        "rule \"x\"\\nwhen\\n  $c : Customer( )\\nthen\\n  insert(Decision.sms($c).template(\"t\")\\nend"
            + "|4|0|the rule's consequence (then ... end) is not valid Java: Syntax error, insert \")\" to complete Expression;"
            + " Syntax error, insert \";\" to complete Statement",
      })
  void aSyntaxErrorIsToldInPlainWordsAtItsLineAndColumn(
      String drl, int line, int column, String message) {
    RuleProblem p = onlyError(drl.replace("\\n", "\n") + "\n");

    assertThat(p.file()).isEqualTo("rules/s.drl");
    assertThat(p.message()).isEqualTo(message);
    assertThat(p.line()).isEqualTo(line);
    assertThat(p.column()).isEqualTo(column);
  }
}
