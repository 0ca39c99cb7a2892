package dev.gantry.core.secret;

import java.time.Instant;
import java.util.Optional;

/**
 * A secret's rotation settings and how its last rotation went. {@code function} is the RotationLambdaARN as given
 * (in Gantry: a task definition that stands in for the Lambda); {@code lastFailure} says which step failed and why,
 * shown by DescribeSecret, until a rotation succeeds.
 */
public record Rotation(
        boolean enabled,
        Optional<String> function,
        Optional<Long> automaticallyAfterDays,
        Optional<String> duration,
        Optional<String> scheduleExpression,
        Optional<Instant> lastRotatedAt,
        Optional<String> lastFailure) {

    public static final Rotation NONE = new Rotation(
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public Rotation {
        function = function == null ? Optional.empty() : function;
        automaticallyAfterDays = automaticallyAfterDays == null ? Optional.empty() : automaticallyAfterDays;
        duration = duration == null ? Optional.empty() : duration;
        scheduleExpression = scheduleExpression == null ? Optional.empty() : scheduleExpression;
        lastRotatedAt = lastRotatedAt == null ? Optional.empty() : lastRotatedAt;
        lastFailure = lastFailure == null ? Optional.empty() : lastFailure;
    }

    public boolean hasRules() {
        return automaticallyAfterDays.isPresent() || scheduleExpression.isPresent();
    }

    public Rotation succeeded(Instant at) {
        return new Rotation(
                enabled,
                function,
                automaticallyAfterDays,
                duration,
                scheduleExpression,
                Optional.of(at),
                Optional.empty());
    }

    public Rotation failed(String why) {
        return new Rotation(
                enabled,
                function,
                automaticallyAfterDays,
                duration,
                scheduleExpression,
                lastRotatedAt,
                Optional.of(why));
    }
}
