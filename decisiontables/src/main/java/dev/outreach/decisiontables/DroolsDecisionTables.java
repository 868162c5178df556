package dev.outreach.decisiontables;

import dev.outreach.rules.spi.DecisionTableReader;
import java.io.ByteArrayInputStream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Decision tables read by Drools' own {@link SpreadsheetCompiler}; found by {@code RuleSet} through
 * {@link java.util.ServiceLoader} when this artifact is on the class path.
 */
public final class DroolsDecisionTables implements DecisionTableReader {
  @Override
  public String toDrl(byte[] content, boolean csv) {
    return new SpreadsheetCompiler()
        .compile(new ByteArrayInputStream(content), csv ? InputType.CSV : InputType.XLS);
  }
}
