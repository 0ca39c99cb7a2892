package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code dependsOn} condition (ECS's {@code ContainerCondition}): START = the dependency has started; COMPLETE =
 * it has exited; SUCCESS = it exited 0; HEALTHY = its health check passed. The constant names are the wire values,
 * so they must not be renamed.
 *
 * <p>The API edge checks the text before binding ({@link #fromWire}), so an unknown condition is refused with a
 * ClientException naming the container and the accepted values, never a JSON binding error.
 */
public enum DependencyCondition {
    START,
    COMPLETE,
    SUCCESS,
    HEALTHY;

    /** The wire names, in ECS's order, for messages. */
    public static final List<String> NAMES =
            Arrays.stream(values()).map(Enum::name).toList();

    /** The condition spelled exactly {@code text} (case-sensitive, as ECS is), or empty. */
    public static Optional<DependencyCondition> fromWire(String text) {
        return Arrays.stream(values()).filter(c -> c.name().equals(text)).findFirst();
    }

    /**
     * How JSON binds a condition: only its exact name. Without this Jackson would also bind a number to the constant
     * at that index ({@code "condition": 1} as COMPLETE); a non-name here is a binding error at the API edge.
     */
    @JsonCreator
    static DependencyCondition bind(String text) {
        return fromWire(text)
                .orElseThrow(() ->
                        new IllegalArgumentException("dependsOn condition must be one of " + String.join(", ", NAMES)));
    }

    /** True for the conditions that wait for the dependency to exit (it must then be non-essential). */
    public boolean waitsForExit() {
        return this == COMPLETE || this == SUCCESS;
    }
}
