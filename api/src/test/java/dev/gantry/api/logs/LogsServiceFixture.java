package dev.gantry.api.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.store.logs.LogStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A LogsService on a fresh database; requests are JSON text, as a client would send them. */
abstract class LogsServiceFixture {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final long NOW_MS = NOW.toEpochMilli();
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final RequestContext CONTEXT =
            new RequestContext("req-1", "AKIDEXAMPLE", "arn:aws:iam::123456789012:user/test", NOW);

    @TempDir
    Path dir;

    Database db;
    LogsService service;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        Arns arns = new Arns("us-east-1", "123456789012");
        service = new LogsService(new LogStore(db, arns, InstantSource.fixed(NOW)), arns);
    }

    @AfterEach
    void close() {
        db.close();
    }

    JsonNode call(String operation, String json) {
        try {
            ObjectNode input = (ObjectNode) MAPPER.readTree(json.replace('\'', '"'));
            return service.handle(operation, input, CONTEXT);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Asserts the call fails with this error name and a message containing {@code words}. */
    void fails(String operation, String json, ErrorCode code, String words) {
        assertThatThrownBy(() -> call(operation, json)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(words);
        });
    }
}
