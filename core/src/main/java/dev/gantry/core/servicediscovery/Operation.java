package dev.gantry.core.servicediscovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An asynchronous Cloud Map operation, as GetOperation shows it. Gantry commits the change itself when the call is
 * made (so a read right after sees it); the operation then reports SUBMITTED, PENDING and SUCCESS as AWS's do,
 * moved on by {@link #advance} (a background step calls it). {@code targets} maps NAMESPACE / SERVICE / INSTANCE to
 * the ids the operation acted on.
 */
public record Operation(
        String id,
        OperationType type,
        OperationStatus status,
        Map<String, String> targets,
        Optional<String> errorCode,
        Optional<String> errorMessage,
        Optional<String> creatorRequestId,
        Instant createdAt,
        Instant updatedAt) {
    /** How long an operation stays in each of SUBMITTED and PENDING. */
    public static final Duration STEP = Duration.ofMillis(100);

    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        targets = java.util.Collections.unmodifiableMap(new TreeMap<>(targets));
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(creatorRequestId, "creatorRequestId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A newly submitted operation. */
    public static Operation submitted(
            String id,
            OperationType type,
            Map<String, String> targets,
            Optional<String> creatorRequestId,
            Instant now) {
        return new Operation(
                id,
                type,
                OperationStatus.SUBMITTED,
                targets,
                Optional.empty(),
                Optional.empty(),
                creatorRequestId,
                now,
                now);
    }

    /** The operation's next status at {@code now}, if it is due to move (one step per call). */
    public Optional<Operation> advance(Instant now) {
        if (status.finished() || now.isBefore(updatedAt.plus(STEP))) {
            return Optional.empty();
        }
        OperationStatus next = status == OperationStatus.SUBMITTED ? OperationStatus.PENDING : OperationStatus.SUCCESS;
        return Optional.of(
                new Operation(id, type, next, targets, errorCode, errorMessage, creatorRequestId, createdAt, now));
    }
}
