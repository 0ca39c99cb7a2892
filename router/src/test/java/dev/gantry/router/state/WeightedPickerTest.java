package dev.gantry.router.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedPickerTest {
    @Test
    void everyWindowOfTheTotalWeightHasEachShareExactly() {
        WeightedPicker<String> picker = new WeightedPicker<>(List.of("a", "b", "c"), List.of(5, 3, 2));
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            picks.add(picker.next());
        }
        for (int w = 0; w < 1000; w += 10) {
            List<String> window = picks.subList(w, w + 10);
            assertThat(Collections.frequency(window, "a")).isEqualTo(5);
            assertThat(Collections.frequency(window, "b")).isEqualTo(3);
            assertThat(Collections.frequency(window, "c")).isEqualTo(2);
        }
    }

    @Test
    void aZeroWeightIsNeverPicked() {
        WeightedPicker<String> picker = new WeightedPicker<>(List.of("blue", "green"), List.of(100, 0));
        for (int i = 0; i < 50; i++) {
            assertThat(picker.next()).isEqualTo("blue");
        }
    }
}
