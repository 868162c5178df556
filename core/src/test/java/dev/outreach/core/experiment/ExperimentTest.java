package dev.outreach.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  @Test
  void armsFollowTheWeights() {
    Experiment x = Experiment.parse("tone=champion:80,challenger:20");

    Map<String, Long> n =
        IntStream.range(0, 100_000)
            .mapToObj(i -> x.armOf("LOAN-" + i))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    assertThat(n.get("champion") / 100_000.0).isCloseTo(0.80, within(0.01));
    assertThat(n.get("challenger") / 100_000.0).isCloseTo(0.20, within(0.01));
  }

  @Test
  void theSameLoanAlwaysLandsInTheSameArmOnEveryMachine() {
    // Golden values: if these change, every running experiment would reshuffle its customers.
    Experiment x = Experiment.parse("tone=champion:50,challenger:50");
    assertThat(
            IntStream.rangeClosed(1, 8)
                .mapToObj(i -> x.armOf("LOAN-2025-0000" + i))
                .collect(Collectors.toList()))
        .containsExactly(GOLDEN);
    assertThat(Experiment.parse("tone=champion:50,challenger:50").armOf("LOAN-2025-00001"))
        .isEqualTo(GOLDEN[0]);
  }

  /**
   * Recorded once from CRC32C("tone" NUL loan id) mod 10,000 against the weights; must never
   * change.
   */
  static final String[] GOLDEN = {
    "champion",
    "champion",
    "challenger",
    "champion",
    "champion",
    "challenger",
    "champion",
    "champion"
  };

  @Test
  void experimentsWithDifferentNamesAssignIndependently() {
    Experiment a = Experiment.parse("a=x:50,y:50");
    Experiment b = Experiment.parse("b=x:50,y:50");

    long same =
        IntStream.range(0, 10_000).filter(i -> a.armOf("L" + i).equals(b.armOf("L" + i))).count();

    assertThat(same / 10_000.0).isCloseTo(0.5, within(0.03));
  }

  @Test
  void badSpecificationsSayWhatIsWrong() {
    assertThatThrownBy(() -> Experiment.parse("tone"))
        .hasMessageContaining("expected NAME=ARM:WEIGHT");
    assertThatThrownBy(() -> Experiment.parse("tone=a:1"))
        .hasMessageContaining("at least two arms");
    assertThatThrownBy(() -> Experiment.parse("tone=a:1,b"))
        .hasMessageContaining("should be ARM:WEIGHT");
    assertThatThrownBy(() -> Experiment.parse("tone=a:1,b:x"))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> Experiment.parse("tone=a:1,b:0"))
        .hasMessageContaining("positive weight");
    assertThatThrownBy(() -> Experiment.parse("tone=a:1,a:2")).hasMessageContaining("arm a twice");
  }
}
