package dev.gantry.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogEventsApiTest extends LogsServiceFixture {
    static final long T = NOW_MS - 60_000;

    @BeforeEach
    void stream() {
        call("CreateLogGroup", "{'logGroupName':'/ecs/web'}");
        call("CreateLogStream", "{'logGroupName':'/ecs/web','logStreamName':'ecs/web/1'}");
    }

    JsonNode put(String stream, String eventsJson) {
        return call(
                "PutLogEvents",
                "{'logGroupName':'/ecs/web','logStreamName':'" + stream + "','logEvents':" + eventsJson
                        + ",'sequenceToken':'ignored'}");
    }

    static List<String> messages(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.get("message").asText()));
        return out;
    }

    @Test
    void putThenGet() {
        JsonNode r = put(
                "ecs/web/1",
                "[{'timestamp':" + T + ",'message':'hello'},{'timestamp':" + (T + 1) + ",'message':'world'}]");
        assertThat(r.get("nextSequenceToken").asText()).hasSize(56);
        assertThat(r.has("rejectedLogEventsInfo")).isFalse();

        JsonNode got = call("GetLogEvents", "{'logGroupName':'/ecs/web','logStreamName':'ecs/web/1'}");
        assertThat(messages(got.get("events"))).containsExactly("hello", "world");
        JsonNode first = got.get("events").get(0);
        assertThat(first.get("timestamp").asLong()).isEqualTo(T);
        assertThat(first.get("ingestionTime").asLong()).isEqualTo(NOW_MS);
        assertThat(got.get("nextForwardToken").asText()).startsWith("f/");
        assertThat(got.get("nextBackwardToken").asText()).startsWith("b/");

        // Paging forward ends when the same token comes back, as the AWS CLI expects.
        String token = got.get("nextForwardToken").asText();
        JsonNode end = call(
                "GetLogEvents", "{'logGroupName':'/ecs/web','logStreamName':'ecs/web/1','nextToken':'" + token + "'}");
        assertThat(end.get("events")).isEmpty();
        assertThat(end.get("nextForwardToken").asText()).isEqualTo(token);

        JsonNode s = call("DescribeLogStreams", "{'logGroupName':'/ecs/web'}")
                .get("logStreams")
                .get(0);
        assertThat(s.get("firstEventTimestamp").asLong()).isEqualTo(T);
        assertThat(s.get("lastEventTimestamp").asLong()).isEqualTo(T + 1);
        assertThat(s.get("lastIngestionTime").asLong()).isEqualTo(NOW_MS);
        assertThat(s.get("uploadSequenceToken").asText())
                .isEqualTo(r.get("nextSequenceToken").asText());
        assertThat(call("DescribeLogGroups", "{}")
                        .get("logGroups")
                        .get(0)
                        .get("storedBytes")
                        .asLong())
                .isEqualTo(10);
    }

    @Test
    void getHonoursLimitAndStartFromHead() {
        put(
                "ecs/web/1",
                "[{'timestamp':" + T + ",'message':'a'},{'timestamp':" + T + ",'message':'b'}," + "{'timestamp':"
                        + (T + 5) + ",'message':'c'}]");
        assertThat(messages(call("GetLogEvents", "{'logGroupName':'/ecs/web','logStreamName':'ecs/web/1','limit':2}")
                        .get("events")))
                .containsExactly("b", "c");
        assertThat(messages(call(
                                "GetLogEvents",
                                "{'logGroupName':'/ecs/web','logStreamName':'ecs/web/1','limit':2,'startFromHead':true}")
                        .get("events")))
                .containsExactly("a", "b");
        assertThat(messages(call(
                                "GetLogEvents",
                                "{'logGroupIdentifier':'/ecs/web','logStreamName':'ecs/web/1'," + "'startTime':"
                                        + (T + 1) + ",'endTime':" + (T + 6) + "}")
                        .get("events")))
                .containsExactly("c");
    }

    @Test
    void putReportsRejectedEvents() {
        long old = NOW_MS - 15L * 24 * 3600 * 1000;
        JsonNode r = put(
                "ecs/web/1",
                "[{'timestamp':" + old + ",'message':'old'},{'timestamp':" + (old + 1) + ",'message':'old2'}]");
        assertThat(r.get("rejectedLogEventsInfo").get("tooOldLogEventEndIndex").asInt())
                .isEqualTo(1);
        JsonNode future = put(
                "ecs/web/1",
                "[{'timestamp':" + T + ",'message':'ok'},{'timestamp':" + (NOW_MS + 3 * 3600 * 1000)
                        + ",'message':'later'}]");
        assertThat(future.get("rejectedLogEventsInfo")
                        .get("tooNewLogEventStartIndex")
                        .asInt())
                .isEqualTo(1);
        assertThat(future.get("rejectedLogEventsInfo").has("tooOldLogEventEndIndex"))
                .isFalse();
    }

    @Test
    void putValidatesTheBatch() {
        fails(
                "PutLogEvents",
                "{'logGroupName':'/ecs/web','logStreamName':'ecs/web/1','logEvents':[{'timestamp':" + (T + 1)
                        + ",'message':'b'},{'timestamp':" + T + ",'message':'a'}]}",
                ErrorCode.INVALID_PARAMETER,
                "Log events in a single PutLogEvents request must be in chronological order.");
        fails(
                "PutLogEvents",
                "{'logGroupName':'/ecs/web','logStreamName':'nope','logEvents':[{'timestamp':" + T
                        + ",'message':'a'}]}",
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log stream does not exist.");
    }

    @Test
    void filterAcrossStreams() {
        call("CreateLogStream", "{'logGroupName':'/ecs/web','logStreamName':'ecs/web/2'}");
        put(
                "ecs/web/1",
                "[{'timestamp':" + T + ",'message':'GET /a 200'},{'timestamp':" + (T + 2)
                        + ",'message':'GET /b 500'}]");
        put("ecs/web/2", "[{'timestamp':" + (T + 1) + ",'message':'{\\'status\\':503}'}]");

        JsonNode all = call("FilterLogEvents", "{'logGroupName':'/ecs/web'}");
        assertThat(messages(all.get("events"))).containsExactly("GET /a 200", "{\"status\":503}", "GET /b 500");
        JsonNode e = all.get("events").get(1);
        assertThat(e.get("logStreamName").asText()).isEqualTo("ecs/web/2");
        assertThat(e.get("timestamp").asLong()).isEqualTo(T + 1);
        assertThat(e.get("ingestionTime").asLong()).isEqualTo(NOW_MS);
        assertThat(e.get("eventId").asText()).hasSize(56);
        assertThat(all.get("searchedLogStreams")).hasSize(2);
        assertThat(all.get("searchedLogStreams")
                        .get(0)
                        .get("searchedCompletely")
                        .asBoolean())
                .isTrue();
        assertThat(all.has("nextToken")).isFalse();

        assertThat(messages(call("FilterLogEvents", "{'logGroupName':'/ecs/web','filterPattern':'500'}")
                        .get("events")))
                .containsExactly("GET /b 500");
        assertThat(messages(call("FilterLogEvents", "{'logGroupName':'/ecs/web','filterPattern':'{ $.status >= 500 }'}")
                        .get("events")))
                .containsExactly("{\"status\":503}");
        assertThat(messages(call(
                                "FilterLogEvents",
                                "{'logGroupName':'/ecs/web','logStreamNames':['ecs/web/1'],"
                                        + "'filterPattern':'[method, path, status=5*]'}")
                        .get("events")))
                .containsExactly("GET /b 500");

        JsonNode page = call("FilterLogEvents", "{'logGroupName':'/ecs/web','limit':2}");
        assertThat(page.get("events")).hasSize(2);
        JsonNode rest = call(
                "FilterLogEvents",
                "{'logGroupName':'/ecs/web','limit':2,'nextToken':'"
                        + page.get("nextToken").asText() + "'}");
        assertThat(messages(rest.get("events"))).containsExactly("GET /b 500");
    }
}
