package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AWS's JSON protocol does not coerce: a member of the wrong JSON type is SerializationException naming the
 * member and the type it needs, before the operation runs (Gantry used to register family "7" and run tasks).
 * Raw bodies signed by the SDK's signer, since no typed client can send them.
 */
class JsonTypesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTAINER =
            "{\"name\":\"main\",\"image\":\"" + TestGantry.IMAGE + "\",\"essential\":true,\"command\":[\"true\"]}";
    private static TestGantry g;

    @BeforeAll
    static void start() throws Exception {
        g = TestGantry.shared();
        HttpResponse<String> ok = SignedHttp.ecs(
                g.server.endpoint(), "RegisterTaskDefinition", taskDefinition("\"json-types\"", CONTAINER));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }

    static String taskDefinition(String family, String container) {
        return "{\"family\":" + family + ",\"networkMode\":\"awsvpc\",\"requiresCompatibilities\":[\"FARGATE\"],"
                + "\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[" + container + "]}";
    }

    static void assertSerializationException(HttpResponse<String> response, String member, String type)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).as(response.body()).isEqualTo("SerializationException");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("SerializationException");
        assertThat(body.path("message").asText()).contains("'" + member + "'").contains(type);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "family: 7      | 7                  | {\"name\":\"main\",\"image\":\"i\",\"essential\":true} | family                          | a string",
                "image: 7       | \"json-types-b\"   | {\"name\":\"main\",\"image\":7,\"essential\":true}     | containerDefinitions[0].image   | a string",
                "command: [7]   | \"json-types-c\"   | {\"name\":\"main\",\"image\":\"i\",\"command\":[7]}    | containerDefinitions[0].command[0] | a string",
                "essential: 7   | \"json-types-d\"   | {\"name\":\"main\",\"image\":\"i\",\"essential\":7}    | containerDefinitions[0].essential | true or false",
                "essential: \"true\" | \"json-types-e\" | {\"name\":\"main\",\"image\":\"i\",\"essential\":\"true\"} | containerDefinitions[0].essential | true or false",
                "memory: \"512\" | \"json-types-f\"  | {\"name\":\"main\",\"image\":\"i\",\"memory\":\"512\"}  | containerDefinitions[0].memory  | a whole number"
            })
    void registerTaskDefinitionRefusesWrongJsonTypes(
            String description, String family, String container, String member, String type) throws Exception {
        assertSerializationException(
                SignedHttp.ecs(g.server.endpoint(), "RegisterTaskDefinition", taskDefinition(family, container)),
                member,
                type);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "clientToken: 5 | \"clientToken\":5   | clientToken | a string",
                "count: \"1\"   | \"count\":\"1\"     | count       | a whole number",
                "startedBy: true | \"startedBy\":true | startedBy   | a string"
            })
    void runTaskRefusesWrongJsonTypes(String description, String member, String name, String type) throws Exception {
        assertSerializationException(
                SignedHttp.ecs(
                        g.server.endpoint(),
                        "RunTask",
                        "{\"taskDefinition\":\"json-types\",\"launchType\":\"FARGATE\",\"networkConfiguration\":"
                                + "{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-gantry\"]}}," + member + "}"),
                name,
                type);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DescribeClusters | {\"clusters\":[7]}                    | clusters    | a list of strings",
                "ListTasks        | {\"maxResults\":\"5\"}              | maxResults  | a whole number",
                "ListTasks        | {\"cluster\":true}                    | cluster     | a string",
                "TagResource | {\"resourceArn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/default\",\"tags\":[{\"key\":7,\"value\":\"v\"}]} | tags[0].key | a string",
                "UntagResource | {\"resourceArn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/default\",\"tagKeys\":[true]} | tagKeys | a list of strings"
            })
    void handReadMembersRefuseWrongJsonTypesToo(String operation, String body, String member, String type)
            throws Exception {
        assertSerializationException(SignedHttp.ecs(g.server.endpoint(), operation, body), member, type);
    }
}
