package dev.gantry.api.protocol;

import dev.gantry.core.error.ErrorKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One service's (or one protocol's) error definitions: for each {@link ErrorKind} its handlers may raise, the
 * AWS code, HTTP status and fault that service shows. A codec resolves a kind against the service's table first,
 * then the protocol's common table ({@link ProtocolErrors}); a kind neither defines is shown under its own
 * {@link ErrorKind#wireName()} as a 400 sender fault, which is how AWS's JSON protocol treats a modeled error
 * without an explicit status.
 */
public final class ErrorTable {

    /** A table that defines nothing. */
    public static final ErrorTable EMPTY = new ErrorTable(Map.of());

    private final Map<ErrorKind, ErrorDefinition> definitions;

    private ErrorTable(Map<ErrorKind, ErrorDefinition> definitions) {
        this.definitions = Map.copyOf(definitions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This table's own definition of {@code kind}, if any. */
    public Optional<ErrorDefinition> find(ErrorKind kind) {
        return Optional.ofNullable(definitions.get(kind));
    }

    /** The definition of {@code kind}: this table's, else {@code fallback}'s, else its wire name as a 400 sender fault. */
    public ErrorDefinition resolve(ErrorKind kind, ErrorTable fallback) {
        return find(kind).or(() -> fallback.find(kind)).orElseGet(() -> ErrorDefinition.sender(kind.wireName()));
    }

    /** Builds a table; a kind may be defined once. */
    public static final class Builder {
        private final Map<ErrorKind, ErrorDefinition> definitions = new LinkedHashMap<>();

        private Builder() {}

        /** {@code kind} under its own wire name with the given status; 4xx is a sender fault, 5xx a receiver's. */
        public Builder define(ErrorKind kind, int httpStatus) {
            return define(kind, kind.wireName(), httpStatus);
        }

        /** {@code kind} under another code (e.g. the Query protocol's {@code SignatureDoesNotMatch}). */
        public Builder define(ErrorKind kind, String code, int httpStatus) {
            Fault fault = httpStatus >= 500 ? Fault.RECEIVER : Fault.SENDER;
            return define(kind, new ErrorDefinition(code, httpStatus, fault));
        }

        public Builder define(ErrorKind kind, ErrorDefinition definition) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(definition, "definition");
            if (definitions.putIfAbsent(kind, definition) != null) {
                throw new IllegalArgumentException("error kind defined twice: " + kind);
            }
            return this;
        }

        public ErrorTable build() {
            return new ErrorTable(definitions);
        }
    }
}
