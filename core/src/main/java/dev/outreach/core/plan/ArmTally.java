package dev.outreach.core.plan;

import dev.outreach.core.Channel;
import dev.outreach.core.experiment.Experiment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts each customer's outcome under the arm it is in, for every experiment. */
final class ArmTally {
  enum Outcome {
    CONTACTED,
    SUPPRESSED,
    UNDECIDED,
    DROPPED
  }

  private final List<Experiment> experiments;
  private final List<Map<String, int[]>> counts = new ArrayList<>();
  private final List<Map<String, EnumMap<Channel, Integer>>> channels = new ArrayList<>();

  ArmTally(List<Experiment> experiments) {
    this.experiments = experiments;
    for (Experiment x : experiments) {
      Map<String, int[]> c = new LinkedHashMap<>();
      Map<String, EnumMap<Channel, Integer>> ch = new LinkedHashMap<>();
      x.arms()
          .forEach(
              a -> {
                c.put(a.name(), new int[Outcome.values().length]);
                ch.put(a.name(), new EnumMap<>(Channel.class));
              });
      counts.add(c);
      channels.add(ch);
    }
  }

  void add(String customerId, Outcome outcome, Set<Channel> reached) {
    for (int i = 0; i < experiments.size(); i++) {
      String arm = experiments.get(i).armOf(customerId);
      counts.get(i).get(arm)[outcome.ordinal()]++;
      EnumMap<Channel, Integer> ch = channels.get(i).get(arm);
      reached.forEach(c -> ch.merge(c, 1, Integer::sum));
    }
  }

  List<ExperimentResult> results() {
    List<ExperimentResult> out = new ArrayList<>();
    for (int i = 0; i < experiments.size(); i++) {
      Experiment x = experiments.get(i);
      List<ExperimentResult.ArmResult> arms = new ArrayList<>();
      for (Experiment.Arm a : x.arms()) {
        int[] n = counts.get(i).get(a.name());
        int total = n[0] + n[1] + n[2] + n[3];
        arms.add(
            new ExperimentResult.ArmResult(
                a.name(),
                a.weight(),
                total,
                n[Outcome.CONTACTED.ordinal()],
                n[Outcome.SUPPRESSED.ordinal()],
                n[Outcome.UNDECIDED.ordinal()],
                n[Outcome.DROPPED.ordinal()],
                channels.get(i).get(a.name())));
      }
      out.add(new ExperimentResult(x.name(), arms));
    }
    return out;
  }
}
