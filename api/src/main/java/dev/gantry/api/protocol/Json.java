package dev.gantry.api.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Owns the Jackson configuration for the AWS JSON protocols, so every service reads and writes the same wire form.
 *
 * <ul>
 *   <li>{@link Instant}s are written as epoch <em>seconds</em> with a fractional part, as a JSON number
 *       ({@code 1700000000.123}), and read from numbers (integer or fractional seconds) or ISO-8601 strings.</li>
 *   <li>Absent {@link java.util.Optional}s and {@code null}s are omitted ({@code NON_ABSENT}).</li>
 *   <li>Unknown input properties are ignored, as AWS services do for forward compatibility.</li>
 *   <li>Scalars are strict, as AWS's JSON protocol is: binding {@code 7} to a string member, {@code "7"} or
 *       {@code true} to a number, or {@code 7} to a boolean fails (a
 *       {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}, which handlers answer with
 *       SerializationException) instead of being coerced.</li>
 * </ul>
 *
 * <p>{@link #mapper()} is shared and must not be reconfigured.
 */
public final class Json {

    private static final ObjectMapper SHARED = build();

    private Json() {}

    /** The shared, fully configured mapper. Thread-safe for reading and writing; never reconfigure it. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    private static ObjectMapper build() {
        SimpleModule epochSeconds = new SimpleModule("gantry-epoch-seconds");
        epochSeconds.addSerializer(Instant.class, new EpochSecondsSerializer());
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(epochSeconds) // registered last so it wins over JavaTimeModule's Instant serializer
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) // integers are seconds
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS) // "7" is not a number, nor "true" a boolean
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /** Writes an Instant as a plain decimal number of epoch seconds without trailing zeros. */
    private static final class EpochSecondsSerializer extends StdSerializer<Instant> {
        EpochSecondsSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            BigDecimal seconds = BigDecimal.valueOf(value.getEpochSecond())
                    .add(BigDecimal.valueOf(value.getNano(), 9))
                    .stripTrailingZeros();
            gen.writeNumber(seconds.toPlainString());
        }
    }
}
