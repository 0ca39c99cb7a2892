package dev.gantry.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryRequestTest {

    static QueryRequest decode(String form) {
        return QueryRequest.decode(form.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(String json) throws Exception {
        return Json.mapper().readTree(json.replace('\'', '"'));
    }

    @Test
    void actionAndVersionAreNotMembers() {
        QueryRequest q = decode("Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(q.action()).contains("GetCallerIdentity");
        assertThat(q.version()).contains("2011-06-15");
        assertThat(q.members()).isEmpty();
    }

    @Test
    void memberListsOfStructuresBecomeArrays() throws Exception {
        QueryRequest q = decode(
                "Action=TagResource&ResourceArns.member.1=arn%3Aa&ResourceArns.member.2=arn%3Ab"
                        + "&Tags.member.1.Key=team&Tags.member.1.Value=web+tier&Tags.member.2.Key=env&Tags.member.2.Value=prod");
        assertThat(q.members())
                .isEqualTo(json("{'ResourceArns':['arn:a','arn:b'],"
                        + "'Tags':[{'Key':'team','Value':'web tier'},{'Key':'env','Value':'prod'}]}"));
    }

    @Test
    void listsKeepIndexOrderNotArrivalOrder() throws Exception {
        assertThat(decode("Names.member.2=b&Names.member.1=a").members()).isEqualTo(json("{'Names':['a','b']}"));
    }

    @Test
    void ec2FlattenedListsAndNestedStructures() throws Exception {
        QueryRequest q = decode("Action=DescribeInstances&Filter.1.Name=tag%3Ateam&Filter.1.Value.1=web"
                + "&Filter.1.Value.2=api&InstanceId.1=i-1&MaxResults=5");
        assertThat(q.members())
                .isEqualTo(json("{'Filter':[{'Name':'tag:team','Value':['web','api']}],"
                        + "'InstanceId':['i-1'],'MaxResults':'5'}"));
    }

    @Test
    void entryMapsBecomeObjects() throws Exception {
        QueryRequest q = decode("Attributes.entry.1.key=VisibilityTimeout&Attributes.entry.1.value=30"
                + "&Attributes.entry.2.key=DelaySeconds&Attributes.entry.2.value=5");
        assertThat(q.members()).isEqualTo(json("{'Attributes':{'VisibilityTimeout':'30','DelaySeconds':'5'}}"));
    }

    @Test
    void percentEncodingAndFirstOfRepeatedValues() throws Exception {
        QueryRequest q = decode("RoleSessionName=a%2Bb%20c&RoleSessionName=ignored&Policy=%7B%22x%22%3A1%7D");
        assertThat(q.members())
                .isEqualTo(json("{'RoleSessionName':'a+b c','Policy':'{\\'x\\':1}'}".replace("\\'", "\\\"")));
    }

    @Test
    void emptyBodyHasNoAction() {
        QueryRequest q = decode("");
        assertThat(q.action()).isEmpty();
        assertThat(q.members()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tags.member.0.Key=a", "Tags.member.99999999.Key=a", "Tags.member.10001.Key=a"})
    void listIndexesOutsideOneToTenThousandAreRefused(String form) {
        assertThatThrownBy(() -> decode(form)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION);
            assertThat(e.getMessage()).contains("must be a number from 1 to 10000");
        });
    }

    @Test
    void aValueThatIsAlsoAStructureIsRefused() {
        assertThatThrownBy(() -> decode("Tags=x&Tags.member.1.Key=a"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getMessage()).contains("'Tags'"));
    }

    @Test
    void semicolonsAreDataAndTheRootIsAlwaysAStructure() throws Exception {
        assertThat(decode("Policy=a;b&member.1=x").members()).isEqualTo(json("{'Policy':'a;b','member':['x']}"));
        assertThat(decode("member.1=x").members()).isEqualTo(json("{'member':['x']}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X=%", "X=%zz", "Action=GetCallerIdentity&X=%4", "%=a"})
    void aBadPercentEscapeIsInvalidQueryParameterNotABug(String form) {
        assertThatThrownBy(() -> decode(form)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION);
            assertThat(e.getMessage()).contains("percent-encoded");
        });
    }
}
