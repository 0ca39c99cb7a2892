package dev.gantry.control.deployment;

/**
 * A share of traffic as the forward weights of two target groups (ELBv2 allows 0-999 each): whole percentages out
 * of 100 (20% → green 20, blue 80), tenths out of 1000 (2.5% → 25 and 975).
 */
public record Weights(int green, int blue) {

    public static Weights of(int greenPermille) {
        if (greenPermille < 0 || greenPermille > 1000) {
            throw new IllegalArgumentException("share must be 0-1000 permille: " + greenPermille);
        }
        if (greenPermille % 10 == 0) {
            return new Weights(greenPermille / 10, 100 - greenPermille / 10);
        }
        return new Weights(greenPermille, 1000 - greenPermille);
    }

    /** Green's share of the traffic in tenths of a percent, from a pair of weights (both 0: none to green). */
    public static int permille(int green, int blue) {
        int total = green + blue;
        return total == 0 ? 0 : (int) Math.round(green * 1000.0 / total);
    }
}
