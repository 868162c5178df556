package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without outreach-decisiontables (as here: this module's tests run without it), DRL works and a
 * table says what to add.
 */
class DecisionTableWithoutModuleTest {
  @TempDir Path dir;

  @Test
  void aTableIsRefusedNamingTheArtifactToAddWhileDrlBesideItStillCompilesAlone() throws Exception {
    Path drl = dir.resolve("calls.drl");
    Files.writeString(drl, RuleSetTest.DESIGN_RULES, StandardCharsets.UTF_8);
    Path table = dir.resolve("sms.drl.csv");
    Files.writeString(
        table,
        "RuleSet,outreach.sample\nRuleTable sms\nCONDITION,ACTION\n",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RuleSet.load(List.of(drl, table)))
        .isInstanceOf(RuleCompileException.class)
        .hasMessageContaining(table.toString())
        .hasMessageContaining("dev.outreach:outreach-decisiontables")
        .hasMessageContaining("write these rules in DRL");
    assertThat(RuleSet.load(List.of(drl)).ruleNames()).isNotEmpty();
    assertThat(
            getClass().getClassLoader().getResource("org/apache/poi/ss/usermodel/Workbook.class"))
        .as("a DRL-only class path carries no Apache POI")
        .isNull();
  }
}
