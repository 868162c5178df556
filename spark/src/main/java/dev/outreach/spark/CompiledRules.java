package dev.outreach.spark;

import dev.outreach.rules.RuleBudget;
import dev.outreach.rules.RuleCompileException;
import dev.outreach.rules.RuleSet;
import dev.outreach.rules.RuleSource;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules as a job ships them: their sources and budget, compiled once per executor JVM (a Drools
 * {@code KieBase} cannot be serialized) and then shared by every task there.
 */
final class CompiledRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rule sets compiled in this JVM, by {@link #key}. */
  private static final Map<String, RuleSet> COMPILED = new ConcurrentHashMap<>();

  private final List<RuleSource> sources;
  private final RuleBudget budget;
  private final String key;

  CompiledRules(RuleSet rules) {
    this.sources = List.copyOf(rules.sources());
    this.budget = rules.budget();
    this.key = key(sources, budget);
  }

  /** The rule set, compiled in this JVM the first time it is asked for. */
  RuleSet get() {
    return COMPILED.computeIfAbsent(
        key,
        k -> {
          try {
            return RuleSet.compile(sources).withBudget(budget);
          } catch (RuleCompileException e) {
            // The driver compiled the same sources before sending any task.
            throw new IllegalStateException("the rules no longer compile: " + e.getMessage(), e);
          }
        });
  }

  private static String key(List<RuleSource> sources, RuleBudget budget) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (RuleSource s : sources) {
        sha.update(s.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(s.kind().name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(s.content());
        sha.update((byte) 0);
      }
      sha.update(budget.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
