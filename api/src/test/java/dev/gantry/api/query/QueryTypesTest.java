package dev.gantry.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.ServiceModel;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Query forms typed by a botocore model (ELBv2's, the first Query service with typed input). */
class QueryTypesTest {
    private static final ServiceModel ELBV2 =
            ServiceModel.load(QueryTypesTest.class, "/dev/gantry/api/elbv2/service-2.json.gz");

    private static JsonNode typed(String form) {
        QueryRequest q = QueryRequest.decode(form.getBytes(StandardCharsets.UTF_8));
        return QueryTypes.coerce(q.members(), ELBV2, q.action().orElseThrow());
    }

    private static void refused(String form, String... phrases) {
        assertThatThrownBy(() -> typed(form))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContainingAll(phrases);
    }

    @Test
    void leavesGetTheirModeledTypesThroughListsAndStructures() {
        JsonNode in = typed("Action=CreateTargetGroup&Name=web&Protocol=HTTP&Port=8080&HealthCheckEnabled=true"
                + "&HealthCheckIntervalSeconds=10&Matcher.HttpCode=200-299&Tags.member.1.Key=a&Tags.member.1.Value=1");
        assertThat(in.get("Port").isInt()).isTrue();
        assertThat(in.get("Port").intValue()).isEqualTo(8080);
        assertThat(in.get("HealthCheckEnabled").isBoolean()).isTrue();
        assertThat(in.get("HealthCheckIntervalSeconds").intValue()).isEqualTo(10);
        assertThat(in.at("/Matcher/HttpCode").asText()).isEqualTo("200-299");
        assertThat(in.at("/Tags/0/Value").isTextual())
                .as("a string member stays text")
                .isTrue();
    }

    @Test
    void nestedListsOfStructuresAreTyped() {
        JsonNode in = typed("Action=CreateListener&LoadBalancerArn=arn&Port=80"
                + "&DefaultActions.member.1.Type=forward"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=a"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight=3"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn=b"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight=7"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled=false");
        JsonNode groups = in.at("/DefaultActions/0/ForwardConfig/TargetGroups");
        assertThat(groups.size()).isEqualTo(2);
        assertThat(groups.get(1).get("Weight").isInt()).isTrue();
        assertThat(groups.get(1).get("Weight").intValue()).isEqualTo(7);
        assertThat(in.at("/DefaultActions/0/ForwardConfig/TargetGroupStickinessConfig/Enabled")
                        .isBoolean())
                .isTrue();
    }

    @Test
    void anEmptyListIsSentAsNameEquals() {
        JsonNode in = typed("Action=RemoveTags&ResourceArns.member.1=arn&TagKeys=");
        assertThat(in.get("TagKeys").isArray()).isTrue();
        assertThat(in.get("TagKeys")).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceNamingTheParameterAsSent() {
        refused(
                "Action=CreateTargetGroup&Name=x&Port=abc&HealthCheckIntervalSeconds=301&HealthCheckEnabled=yes",
                "3 validation errors detected",
                "Value 'abc' at 'Port' failed to satisfy constraint: Member must be a whole number",
                "Value '301' at 'HealthCheckIntervalSeconds' failed to satisfy constraint: Member must have value less"
                        + " than or equal to 300",
                "Value 'yes' at 'HealthCheckEnabled' failed to satisfy constraint: Member must be true or false");
        refused(
                "Action=RegisterTargets&TargetGroupArn=a&Targets.member.1.Id=1.2.3.4&Targets.member.1.Port=0",
                "at 'Targets.member.1.Port'",
                "greater than or equal to 1");
    }

    @Test
    void requiredMembersEnumsAndLengthsAreTheModels() {
        refused("Action=CreateTargetGroup&Protocol=HTTP", "Value null at 'Name'", "Member must not be null");
        refused("Action=CreateTargetGroup&Name=x&Protocol=http", "Member must satisfy enum value set: [HTTP, HTTPS");
        refused("Action=DescribeLoadBalancers&PageSize=401", "less than or equal to 400");
        refused("Action=RegisterTargets&TargetGroupArn=a&Targets.member.1.Port=80", "'Targets.member.1.Id'");
        refused("Action=CreateTargetGroup&Name=x&Port.member.1=80", "Member must be a single value");
    }

    @Test
    void anOperationTheModelDoesNotKnowIsLeftAsStrings() {
        JsonNode in = typed("Action=NoSuchAction&Port=80");
        assertThat(in.get("Port").isTextual()).isTrue();
    }

    @Test
    void membersTheOperationDoesNotDefineAreDropped() {
        JsonNode in = typed("Action=DescribeTargetGroups&Names.member.1=web&LoadBalancerArn=lb&Stray=x&Port=80");
        assertThat(in.has("Names")).isTrue();
        assertThat(in.has("LoadBalancerArn")).isTrue();
        assertThat(in.has("Stray")).as("not in any model").isFalse();
        assertThat(in.has("Port")).as("another operation's member").isFalse();
    }
}
