package dev.gantry.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogsServiceTest extends LogsServiceFixture {

    @Test
    void identifiesItself() {
        assertThat(service.targetPrefix()).isEqualTo("Logs_20140328");
        assertThat(service.signingName()).isEqualTo("logs");
        assertThat(service.operationNames()).contains("CreateLogGroup", "FilterLogEvents", "PutRetentionPolicy");
        fails("StartQuery", "{}", ErrorCode.UNKNOWN_OPERATION, "StartQuery");
    }

    @Test
    void groupLifecycle() {
        assertThat(call("CreateLogGroup", "{'logGroupName':'/ecs/web'}")).isEmpty();
        fails(
                "CreateLogGroup",
                "{'logGroupName':'/ecs/web'}",
                ErrorCode.RESOURCE_ALREADY_EXISTS,
                "The specified log group already exists");
        call("PutRetentionPolicy", "{'logGroupName':'/ecs/web','retentionInDays':30}");

        JsonNode g = call("DescribeLogGroups", "{'logGroupNamePrefix':'/ecs'}")
                .get("logGroups")
                .get(0);
        assertThat(g.get("logGroupName").asText()).isEqualTo("/ecs/web");
        assertThat(g.get("creationTime").asLong()).isEqualTo(NOW_MS);
        assertThat(g.get("retentionInDays").asInt()).isEqualTo(30);
        assertThat(g.get("metricFilterCount").asInt()).isZero();
        assertThat(g.get("arn").asText()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*");
        assertThat(g.get("logGroupArn").asText()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web");
        assertThat(g.get("storedBytes").asLong()).isZero();

        call("DeleteRetentionPolicy", "{'logGroupName':'/ecs/web'}");
        assertThat(call("DescribeLogGroups", "{}").get("logGroups").get(0).has("retentionInDays"))
                .isFalse();
        call("DeleteLogGroup", "{'logGroupName':'/ecs/web'}");
        assertThat(call("DescribeLogGroups", "{}").get("logGroups")).isEmpty();
        fails(
                "DeleteLogGroup",
                "{'logGroupName':'/ecs/web'}",
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
    }

    @Test
    void describeLogGroupsPages() {
        for (int i = 0; i < 3; i++) {
            call("CreateLogGroup", "{'logGroupName':'g" + i + "'}");
        }
        JsonNode first = call("DescribeLogGroups", "{'limit':2}");
        assertThat(first.get("logGroups")).hasSize(2);
        JsonNode second = call(
                "DescribeLogGroups",
                "{'limit':2,'nextToken':'" + first.get("nextToken").asText() + "'}");
        assertThat(second.get("logGroups")).hasSize(1);
        assertThat(second.has("nextToken")).isFalse();
    }

    @Test
    void streamLifecycle() {
        fails(
                "CreateLogStream",
                "{'logGroupName':'g','logStreamName':'s'}",
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        call("CreateLogGroup", "{'logGroupName':'g'}");
        call("CreateLogStream", "{'logGroupName':'g','logStreamName':'ecs/web/abc'}");
        fails(
                "CreateLogStream",
                "{'logGroupName':'g','logStreamName':'ecs/web/abc'}",
                ErrorCode.RESOURCE_ALREADY_EXISTS,
                "The specified log stream already exists");

        JsonNode s = call(
                        "DescribeLogStreams",
                        "{'logGroupIdentifier':'arn:aws:logs:us-east-1:123456789012:log-group:g:*'}")
                .get("logStreams")
                .get(0);
        assertThat(s.get("logStreamName").asText()).isEqualTo("ecs/web/abc");
        assertThat(s.get("creationTime").asLong()).isEqualTo(NOW_MS);
        assertThat(s.get("arn").asText())
                .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:ecs/web/abc");
        assertThat(s.get("storedBytes").asLong()).isZero();
        assertThat(s.has("firstEventTimestamp")).isFalse();
        assertThat(s.has("uploadSequenceToken")).isFalse();

        fails(
                "DescribeLogStreams",
                "{'logGroupName':'g','logStreamNamePrefix':'e','orderBy':'LastEventTime'}",
                ErrorCode.INVALID_PARAMETER,
                "Cannot order by LastEventTime with a logStreamNamePrefix.");
        fails(
                "DescribeLogStreams",
                "{'logGroupName':'g','orderBy':'Size'}",
                ErrorCode.INVALID_PARAMETER,
                "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        call("DeleteLogStream", "{'logGroupName':'g','logStreamName':'ecs/web/abc'}");
        assertThat(call("DescribeLogStreams", "{'logGroupName':'g'}").get("logStreams"))
                .isEmpty();
        fails(
                "DeleteLogStream",
                "{'logGroupName':'g','logStreamName':'ecs/web/abc'}",
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log stream does not exist.");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "CreateLogGroup|{}|Value null at 'logGroupName' failed to satisfy constraint: Member must not be null",
                "CreateLogGroup|{'logGroupName':''}|Member must have length greater than or equal to 1",
                "CreateLogGroup|{'logGroupName':'bad name'}|Member must satisfy regular expression pattern",
                "CreateLogGroup|{'logGroupName':'a:b'}|Value 'a:b' at 'logGroupName'",
                "CreateLogStream|{'logGroupName':'g'}|Value null at 'logStreamName'",
                "CreateLogStream|{'logGroupName':'g','logStreamName':'a:b'}|Member must satisfy regular expression pattern: [^:*]*",
                "CreateLogStream|{'logGroupName':'g','logStreamName':'a*'}|at 'logStreamName'",
                "DescribeLogGroups|{'limit':51}|Member must have value less than or equal to 50",
                "DescribeLogGroups|{'limit':0}|Member must have value greater than or equal to 1",
                "DescribeLogGroups|{'nextToken':'garbage!'}|The specified nextToken is invalid.",
                "DescribeLogStreams|{'logGroupName':'g','logGroupIdentifier':'g'}|mutually exclusive",
                "DescribeLogStreams|{}|Value null at 'logGroupName'",
                "PutRetentionPolicy|{'logGroupName':'g','retentionInDays':4}|Member must satisfy enum value set: [1, 3, 5, 7,",
                "PutRetentionPolicy|{'logGroupName':'g'}|Value null at 'retentionInDays'",
                "GetLogEvents|{'logGroupName':'g','logStreamName':'s','limit':10001}|less than or equal to 10000",
                "GetLogEvents|{'logGroupName':'g','logStreamName':'s','startTime':-1}|greater than or equal to 0",
                "FilterLogEvents|{'logGroupName':'g','logStreamNames':[]}|Member must have length greater than or equal to 1",
                "FilterLogEvents|{'logGroupName':'g','filterPattern':'{ $.a = '}|Invalid filter pattern",
                "FilterLogEvents|{'logGroupName':'g','logStreamNames':['a'],'logStreamNamePrefix':'a'}|mutually exclusive",
                "PutLogEvents|{'logGroupName':'g','logStreamName':'s','logEvents':[]}|at 'logEvents'",
                "PutLogEvents|{'logGroupName':'g','logStreamName':'s','logEvents':[{'message':'m'}]}|Value null at 'logEvents.1.member.timestamp'",
                "PutLogEvents|{'logGroupName':'g','logStreamName':'s','logEvents':[{'timestamp':1,'message':''}]}|at 'logEvents.1.member.message'"
            })
    void validatesInputWithInvalidParameterException(String operation, String json, String words) {
        call("CreateLogGroup", "{'logGroupName':'g'}");
        fails(operation, json, ErrorCode.INVALID_PARAMETER, words);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "CreateLogGroup|{'logGroupName':7}|'logGroupName' must be a string.",
                "DescribeLogGroups|{'limit':'5'}|'limit' must be a whole number.",
                "DescribeLogGroups|{'limit':5.5}|'limit' must be a whole number.",
                "DescribeLogStreams|{'logGroupName':'g','descending':'yes'}|'descending' must be true or false.",
                "FilterLogEvents|{'logGroupName':'g','logStreamNames':'s'}|'logStreamNames' must be a list.",
                "FilterLogEvents|{'logGroupName':'g','logStreamNames':[7]}|'logStreamNames' must be a list of strings."
            })
    void aMemberOfTheWrongJsonTypeIsASerializationException(String operation, String json, String words) {
        call("CreateLogGroup", "{'logGroupName':'g'}");
        fails(operation, json, ErrorCode.SERIALIZATION, words);
    }
}
