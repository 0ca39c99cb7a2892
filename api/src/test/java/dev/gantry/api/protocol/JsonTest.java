package dev.gantry.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Event(String name, Instant at, Optional<String> note) {}

    record Plain(String name) {}

    private final ObjectMapper mapper = Json.mapper();

    @Test
    void writesInstantAsFractionalEpochSecondsNumber() throws Exception {
        String json = mapper.writeValueAsString(
                new Event("e", Instant.ofEpochSecond(1_700_000_000L, 123_000_000), Optional.empty()));

        assertThat(json).isEqualTo("{\"name\":\"e\",\"at\":1700000000.123}");
    }

    @Test
    void writesWholeSecondsWithoutFractionOrExponent() throws Exception {
        assertThat(mapper.writeValueAsString(Instant.ofEpochSecond(1_700_000_000L)))
                .isEqualTo("1700000000");
        assertThat(mapper.writeValueAsString(Instant.ofEpochSecond(0, 1))).isEqualTo("0.000000001");
    }

    @Test
    void instantRoundTripsAtNanosecondPrecision() throws Exception {
        Instant at = Instant.ofEpochSecond(1_480_729_663L, 517_123_456);

        Event back = mapper.readValue(mapper.writeValueAsBytes(new Event("e", at, Optional.of("n"))), Event.class);

        assertThat(back).isEqualTo(new Event("e", at, Optional.of("n")));
    }

    @Test
    void readsInstantFromIntegerExponentAndIsoForms() throws Exception {
        assertThat(mapper.readValue("1700000000", Instant.class)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(mapper.readValue("1.480729663517E9", Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1_480_729_663L, 517_000_000));
        assertThat(mapper.readValue("\"2023-11-14T22:13:20Z\"", Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void omitsAbsentOptionalsAndNullsAndWritesPresentOnes() throws Exception {
        assertThat(mapper.writeValueAsString(new Event("e", null, Optional.empty())))
                .isEqualTo("{\"name\":\"e\"}");
        assertThat(mapper.readTree(mapper.writeValueAsString(new Event("e", null, Optional.of("x"))))
                        .get("note")
                        .asText())
                .isEqualTo("x");
    }

    @Test
    void readsMissingOptionalAsEmptyAndIgnoresUnknownProperties() throws Exception {
        Event e = mapper.readValue("{\"name\":\"e\",\"somethingNew\":[1,2]}", Event.class);

        assertThat(e.note()).isEmpty();
        assertThat(mapper.readValue("{\"name\":\"p\",\"extra\":true}", Plain.class))
                .isEqualTo(new Plain("p"));
    }
}
