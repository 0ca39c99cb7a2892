package dev.gantry.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not json                                                                                  | Syntax errors in policy.
            []                                                                                        | Syntax errors in policy.
            {"Version": "2012-10-17"}                                                                 | Missing required field Statement
            {"Version": "2012-10-17", "Statement": []}                                                | Missing required field Statement
            {"Version": "2012-10-18", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}} | Policy document must be version 2012-10-17 or greater.
            {"Version": 2012, "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}       | Policy document must be version 2012-10-17 or greater.
            {"Version": "2012-10-17", "Statement": {"Action": "*", "Resource": "*"}}                  | Missing required field Effect
            {"Version": "2012-10-17", "Statement": {"Effect": "Permit", "Action": "*", "Resource": "*"}} | Invalid effect: Permit. Effect must be Allow or Deny
            {"Version": "2012-10-17", "Statement": {"Effect": "allow", "Action": "*", "Resource": "*"}} | Invalid effect: allow. Effect must be Allow or Deny
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "*"}}              | Missing required field Action
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "NotAction": "iam:*", "Resource": "*"}} | Statement can not contain both Action and NotAction
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "NotResource": "*"}} | Statement can not contain both Resource and NotResource
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "RunTask", "Resource": "*"}} | Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": [], "Resource": "*"}} | Syntax errors in policy. Action must not be empty
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": 7, "Resource": "*"}}  | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "cluster/x"}} | Resource cluster/x must be in ARN format or "*".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Foo": 1}} | Syntax errors in policy. Unknown field Foo
            {"Version": "2012-10-17", "Statment": {"Effect": "Allow", "Action": "*", "Resource": "*"}} | Syntax errors in policy. Unknown field Statment
            {"Version": "2012-10-17", "Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "*", "Resource": "*"}, {"Sid": "A", "Effect": "Deny", "Action": "*", "Resource": "*"}]} | Statement IDs (SID) in a single policy must be unique.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEq": {"aws:username": "a"}}}} | Invalid Condition type : StringEq
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NullIfExists": {"aws:username": "true"}}}} | Invalid Condition type : NullIfExists
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"username": "a"}}}} | Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": {"a": 1}}}}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": []}}}} | Syntax errors in policy. Condition StringEquals must not be empty
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "me", "Action": "*"}} | Invalid principal in policy: "me"
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "bob"}, "Action": "*"}} | Invalid principal in policy: "AWS":"bob"
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/*"}, "Action": "*"}} | Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:user/*"
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ecs tasks"}, "Action": "*"}} | Invalid principal in policy: "Service":"ecs tasks"
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Robot": "r2d2"}, "Action": "*"}} | Invalid principal in policy: "Robot":"r2d2"
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {}, "Action": "*"}} | Invalid principal in policy: {}
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "NotPrincipal": "*", "Action": "*"}} | Statement can not contain both Principal and NotPrincipal
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ForAnyValue:ForAllValues:StringEquals": {"aws:TagKeys": "a"}}}} | Invalid Condition type : ForAnyValue:ForAllValues:StringEquals
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {}}}}                                    | Syntax errors in policy. Condition StringEquals must not be empty
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecs:", "Resource": "*"}} | Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "arn:"}} | Resource arn: must be in ARN format or "*".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:bucket"}} | Resource arn:aws:s3:bucket must be in ARN format or "*".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}} {"x": 1} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "${aws:PrincipalTag/cidr}"}}}} | Syntax errors in policy. Invalid value for condition operator IpAddress: '${aws:PrincipalTag/cidr}'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "localhost"}}}}         | Syntax errors in policy. Invalid value for condition operator NotIpAddress: 'localhost'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}}}}         | Syntax errors in policy. Invalid value for condition operator IpAddress: '203.0.113.0/33'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": "12345678901234567890123456789012345678901"}}}} | Syntax errors in policy. Invalid value for condition operator NumericLessThan: '12345678901234567890123456789012345678901'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NumericEquals": {"s3:max-keys": "ten"}}}}               | Syntax errors in policy. Invalid value for condition operator NumericEquals: 'ten'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "not a date"}}}}     | Syntax errors in policy. Invalid value for condition operator DateLessThan: 'not a date'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:EpochTime": "18446744073709551617"}}}} | Syntax errors in policy. Invalid value for condition operator DateLessThan: '18446744073709551617'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:SecureTransport": "yes"}}}}        | Syntax errors in policy. Invalid value for condition operator BoolIfExists: 'yes'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Null": {"aws:TokenIssueTime": "maybe"}}}}               | Syntax errors in policy. Invalid value for condition operator Null: 'maybe'
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"BinaryEquals": {"key:bytes": "not base64!"}}}}          | Syntax errors in policy. Invalid value for condition operator BinaryEquals: 'not base64!'
            """)
    void refusesWhatIamRefuses(String json, String message) {
        assertThatThrownBy(() -> PolicyDocument.parse(json))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage(message);
    }

    private static final String ALLOW_ALL = "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}";
    private static final String TRUST_ECS_TASKS = """
            {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}""";

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            IDENTITY | {"Effect": "Allow", "Action": "*"}                                          | Missing required field Resource
            IDENTITY | {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}       | Policy document should not specify a principal.
            IDENTITY | {"Sid": "no spaces", "Effect": "Allow", "Action": "*", "Resource": "*"}     | Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*
            TRUST    | {"Effect": "Allow", "Action": "sts:AssumeRole"}                             | Missing required field Principal
            TRUST    | {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "*"} | Has prohibited field Resource
            RESOURCE | {"Effect": "Allow", "Action": "*", "Resource": "*"}                         | Missing required field Principal
            """)
    void kindSpecificRules(PolicyKind kind, String statement, String message) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": " + statement + "}";
        assertThatThrownBy(() -> PolicyDocument.parse(json, kind))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage(message);
        PolicyDocument.parse(json); // the kind-free parse accepts it
    }

    @Test
    void readsEveryElement() {
        PolicyDocument doc = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Id": "p1", "Statement": [
                  {"Sid": "Read", "Effect": "Allow", "Action": ["ecs:Describe*", "ecs:List*"],
                   "Resource": ["arn:aws:ecs:*:*:cluster/prod", "arn:aws:ecs:*:*:task/prod/*"],
                   "Condition": {"ForAllValues:StringLikeIfExists": {"aws:TagKeys": ["env", "team*"]},
                                 "NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": true}}},
                  {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:iam::*:role/x"}
                ]}""");
        assertThat(doc.version()).isEqualTo("2012-10-17");
        assertThat(doc.id()).contains("p1");
        assertThat(doc.statements()).hasSize(2);
        Statement read = doc.statements().get(0);
        assertThat(read.sid()).contains("Read");
        assertThat(read.effect()).isEqualTo(Effect.ALLOW);
        assertThat(read.actions()).isEqualTo(new ActionElement(List.of("ecs:Describe*", "ecs:List*"), false));
        assertThat(read.resources().orElseThrow().patterns()).hasSize(2);
        assertThat(read.conditions())
                .containsExactly(
                        new Condition(
                                ConditionOperator.STRING_LIKE,
                                SetQualifier.FOR_ALL_VALUES,
                                true,
                                "aws:TagKeys",
                                List.of("env", "team*")),
                        new Condition(
                                ConditionOperator.NUMERIC_LESS_THAN,
                                SetQualifier.NONE,
                                false,
                                "s3:max-keys",
                                List.of("10")),
                        new Condition(
                                ConditionOperator.BOOL,
                                SetQualifier.NONE,
                                false,
                                "aws:SecureTransport",
                                List.of("true")));
        assertThat(read.conditions().get(0).operatorName()).isEqualTo("ForAllValues:StringLikeIfExists");
        Statement deny = doc.statements().get(1);
        assertThat(deny.label(1)).isEqualTo("statement 2");
        assertThat(deny.actions().negated()).isTrue();
        assertThat(deny.resources().orElseThrow().negated()).isTrue();
    }

    @Test
    void readsPrincipals() {
        PolicyDocument doc = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": ["123456789012", "arn:aws:iam::210987654321:role/r", "*"],
                    "Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"},
                  {"Effect": "Deny", "NotPrincipal": "*", "Action": "sts:AssumeRole"}
                ]}""", PolicyKind.TRUST);
        PrincipalElement first = doc.statements().get(0).principal().orElseThrow();
        assertThat(first.byType())
                .isEqualTo(Map.of(
                        "AWS", List.of("arn:aws:iam::123456789012:root", "arn:aws:iam::210987654321:role/r", "*"),
                        "Service", List.of("ecs-tasks.amazonaws.com")));
        PrincipalElement second = doc.statements().get(1).principal().orElseThrow();
        assertThat(second.everyone()).isTrue();
        assertThat(second.negated()).isTrue();
    }

    @Test
    void acceptsTheShapesIamAccepts() {
        assertThat(PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": " + ALLOW_ALL + "}")
                        .statements())
                .hasSize(1);
        assertThat(PolicyDocument.parse("{\"Version\": \"2008-10-17\", \"Statement\": [" + ALLOW_ALL + "]}")
                        .version())
                .isEqualTo("2008-10-17");
        assertThat(PolicyDocument.parse(
                                "{\"Version\": \"2012-10-17\", \"Statement\": [" + TRUST_ECS_TASKS + "]}",
                                PolicyKind.TRUST)
                        .statements()
                        .get(0)
                        .resources())
                .isEmpty();
        assertThat(PolicyDocument.parse("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Sid": "", "Effect": "Allow", "Action": "*", "Resource": "*"},
                          {"Sid": "", "Effect": "Allow", "Action": "*", "Resource": "*"}]}""", PolicyKind.IDENTITY).statements()).hasSize(2);
    }

    @Test
    void refusesNullAndOversizedDocuments() {
        assertThatThrownBy(() -> PolicyDocument.parse(null))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage("Syntax errors in policy.");
        String padded = "{\"Version\": \"2012-10-17\", \"Statement\": " + ALLOW_ALL + "}" + " ".repeat(131072);
        assertThatThrownBy(() -> PolicyDocument.parse(padded))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("131072");
    }
}
