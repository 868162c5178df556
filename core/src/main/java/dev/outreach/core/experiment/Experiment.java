package dev.outreach.core.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * A champion/challenger experiment: every customer is assigned to one arm, deterministically, by a
 * stable hash of the experiment name and the loan id, in proportion to the arms' weights. The same
 * loan id always lands in the same arm of the same experiment, on every machine and in every run,
 * so two strategies can run side by side and be compared.
 *
 * <pre>{@code Experiment.parse("tone=champion:80,challenger:20")}</pre>
 */
public record Experiment(String name, List<Arm> arms) implements java.io.Serializable {
  /** Hash buckets: weights are resolved to 1/10,000ths. */
  private static final int BUCKETS = 10_000;

  public Experiment {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank() || !name.matches("[\\w.-]+")) {
      throw new IllegalArgumentException(
          "experiment name \"" + name + "\" must be letters, digits, _ . or -");
    }
    arms = List.copyOf(arms);
    if (arms.size() < 2) {
      throw new IllegalArgumentException("experiment " + name + " needs at least two arms");
    }
    Set<String> seen = new HashSet<>();
    for (Arm a : arms) {
      if (!seen.add(a.name())) {
        throw new IllegalArgumentException(
            "experiment " + name + " has arm " + a.name() + " twice");
      }
    }
  }

  /**
   * Parses {@code NAME=ARM:WEIGHT,ARM:WEIGHT…}, e.g. {@code tone=champion:80,challenger:20}.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code spec}
   */
  public static Experiment parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "experiment \"" + spec + "\": expected NAME=ARM:WEIGHT,ARM:WEIGHT");
    }
    List<Arm> arms = new ArrayList<>();
    for (String part : spec.substring(eq + 1).split(",")) {
      String[] nw = part.strip().split(":");
      if (nw.length != 2) {
        throw new IllegalArgumentException(
            "experiment \"" + spec + "\": arm \"" + part + "\" should be ARM:WEIGHT");
      }
      try {
        arms.add(new Arm(nw[0].strip(), Integer.parseInt(nw[1].strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "experiment \"" + spec + "\": weight \"" + nw[1] + "\" is not a whole number");
      }
    }
    return new Experiment(spec.substring(0, eq).strip(), arms);
  }

  /** The arm {@code loanId} is assigned to. */
  public String armOf(String loanId) {
    CRC32C crc = new CRC32C();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
    crc.update(loanId.getBytes(StandardCharsets.UTF_8));
    long bucket = crc.getValue() % BUCKETS;
    long total = arms.stream().mapToLong(Arm::weight).sum();
    long acc = 0;
    for (Arm a : arms) {
      acc += a.weight();
      if (bucket * total < acc * BUCKETS) {
        return a.name();
      }
    }
    return arms.get(arms.size() - 1).name();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append('=');
    for (int i = 0; i < arms.size(); i++) {
      sb.append(i == 0 ? "" : ",")
          .append(arms.get(i).name())
          .append(':')
          .append(arms.get(i).weight());
    }
    return sb.toString();
  }

  /** One arm: a name and a positive weight (relative to the other arms'). */
  public record Arm(String name, int weight) implements java.io.Serializable {
    public Arm {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank() || !name.matches("[\\w.-]+")) {
        throw new IllegalArgumentException(
            "arm name \"" + name + "\" must be letters, digits, _ . or -");
      }
      if (weight < 1) {
        throw new IllegalArgumentException(
            "arm " + name + " needs a positive weight, not " + weight);
      }
    }
  }
}
