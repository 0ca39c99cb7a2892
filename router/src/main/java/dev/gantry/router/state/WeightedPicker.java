package dev.gantry.router.state;

import java.util.List;

/**
 * Smooth weighted round-robin (nginx's): over any window of requests each choice gets its share within one request,
 * so a 90/10 split is 90/10 every ten requests, not just on average. Choices of weight 0 are never picked. The
 * critical section is a few additions; contention across I/O threads is negligible.
 */
public final class WeightedPicker<T> {
    private final List<T> choices;
    private final int[] weights;
    private final int[] current;
    private final int total;

    public WeightedPicker(List<T> choices, List<Integer> weights) {
        if (choices.size() != weights.size() || choices.isEmpty()) {
            throw new IllegalArgumentException("one weight per choice, at least one choice");
        }
        this.choices = List.copyOf(choices);
        this.weights = weights.stream().mapToInt(Integer::intValue).toArray();
        this.current = new int[this.weights.length];
        this.total = weights.stream().mapToInt(Integer::intValue).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("at least one weight above 0");
        }
    }

    public T next() {
        if (choices.size() == 1) {
            return choices.get(0);
        }
        synchronized (current) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                current[i] += weights[i];
                if (weights[i] > 0 && (best < 0 || current[i] > current[best])) {
                    best = i;
                }
            }
            current[best] -= total;
            return choices.get(best);
        }
    }
}
