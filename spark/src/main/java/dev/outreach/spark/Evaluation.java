package dev.outreach.spark;

import dev.outreach.core.decision.Ruling;
import java.io.Serializable;
import java.util.List;

/**
 * What a partition found for one row, sent back to the driver: the row's cells as text (the driver
 * makes the same customer from them, with the same checks) and what the rules decided.
 *
 * @param cells the row's cells as text, one per column ({@code null} for an empty one); {@code
 *     null} when a cell cannot be text (the driver reads the row again to say which)
 * @param rulings what the rules decided for the customer, in the order they decided it
 * @param failure the rules' error in this row's part, or {@code null}
 * @param fired the rules that fired for the customer, in firing order, when asked for (the HTML
 *     report shows them), else {@code null}
 */
record Evaluation(String[] cells, List<Ruling> rulings, String failure, List<String> fired)
    implements Serializable {}
