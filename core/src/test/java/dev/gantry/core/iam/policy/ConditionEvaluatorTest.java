package dev.gantry.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Condition operators one row each: the Condition block (JSON), the request's keys ({@code key=v1,v2;k=v}; a blank
 * cell is no keys at all) and whether the condition holds (the statement then allows).
 */
class ConditionEvaluatorTest {
    @ParameterizedTest(name = "[{index}] {0} with {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"StringEquals": {"ecs:cluster": "arn:aws:ecs:r:1:cluster/prod"}}      | ecs:cluster=arn:aws:ecs:r:1:cluster/prod | true
            {"StringEquals": {"ecs:cluster": "arn:aws:ecs:r:1:cluster/prod"}}      | ecs:cluster=arn:aws:ecs:r:1:cluster/dev  | false
            {"StringEquals": {"ecs:cluster": "arn:aws:ecs:r:1:cluster/prod"}}      |                                          | false
            {"StringEquals": {"ECS:Cluster": "prod"}}                              | ecs:cluster=prod                         | true
            {"StringEquals": {"ecs:cluster": "prod"}}                              | ecs:cluster=PROD                         | false
            {"StringEquals": {"ecs:cluster": ["dev", "prod"]}}                     | ecs:cluster=prod                         | true
            {"StringEquals": {"ecs:cluster": "prod", "aws:username": "alice"}}     | ecs:cluster=prod                         | false
            {"StringEquals": {"ecs:cluster": "prod", "aws:username": "alice"}}     | ecs:cluster=prod;aws:username=alice      | true
            {"StringEquals": {"ecs:cluster": "prod"}, "Bool": {"aws:SecureTransport": "true"}} | ecs:cluster=prod;aws:SecureTransport=false | false
            {"StringNotEquals": {"ecs:cluster": "prod"}}                           | ecs:cluster=dev                          | true
            {"StringNotEquals": {"ecs:cluster": "prod"}}                           | ecs:cluster=prod                         | false
            {"StringNotEquals": {"ecs:cluster": ["prod", "dev"]}}                  | ecs:cluster=dev                          | false
            {"StringNotEquals": {"ecs:cluster": "prod"}}                           |                                          | true
            {"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "Blue"}}          | aws:PrincipalTag/team=BLUE               | true
            {"StringNotEqualsIgnoreCase": {"aws:PrincipalTag/team": "Blue"}}       | aws:PrincipalTag/team=blue               | false
            {"StringLike": {"s3:prefix": ["home/*"]}}                              | s3:prefix=home/alice/x                   | true
            {"StringLike": {"s3:prefix": ["home/?"]}}                              | s3:prefix=home/ab                        | false
            {"StringNotLike": {"s3:prefix": "home/*"}}                             | s3:prefix=tmp/x                          | true
            {"StringNotLike": {"s3:prefix": "home/*"}}                             |                                          | true
            {"StringLike": {"s3:prefix": "home/${aws:username}/*"}}                | s3:prefix=home/alice/a;aws:username=alice | true
            {"StringLike": {"s3:prefix": "home/${aws:username}/*"}}                | s3:prefix=home/bob/a;aws:username=alice  | false
            {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}} | aws:ResourceTag/team=blue;aws:PrincipalTag/team=blue | true
            {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}} | aws:ResourceTag/team=blue               | false
            {"NumericLessThan": {"s3:max-keys": "10"}}                             | s3:max-keys=9                            | true
            {"NumericLessThan": {"s3:max-keys": 10}}                               | s3:max-keys=10                           | false
            {"NumericLessThanEquals": {"s3:max-keys": "10"}}                       | s3:max-keys=10.0                         | true
            {"NumericGreaterThan": {"s3:max-keys": "10"}}                          | s3:max-keys=11                           | true
            {"NumericGreaterThanEquals": {"s3:max-keys": "10"}}                    | s3:max-keys=9                            | false
            {"NumericEquals": {"s3:max-keys": "10"}}                               | s3:max-keys=10                           | true
            {"NumericNotEquals": {"s3:max-keys": "10"}}                            | s3:max-keys=10                           | false
            {"NumericNotEquals": {"s3:max-keys": "10"}}                            | s3:max-keys=7                            | true
            {"NumericEquals": {"s3:max-keys": "10"}}                               | s3:max-keys=ten                          | false
            {"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}       | aws:CurrentTime=2026-11-29T13:00:00Z     | true
            {"DateLessThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}          | aws:CurrentTime=2026-11-29T13:00:00Z     | false
            {"DateLessThan": {"aws:CurrentTime": "2020-01-01"}}                    | aws:CurrentTime=2019-12-31T23:59:59Z     | true
            {"DateEquals": {"aws:CurrentTime": "2020-01-01T01:00:00+01:00"}}       | aws:CurrentTime=2020-01-01T00:00:00Z     | true
            {"DateEquals": {"aws:CurrentTime": "1577836800"}}                      | aws:CurrentTime=2020-01-01T00:00:00Z     | true
            {"DateNotEquals": {"aws:CurrentTime": "1577836800"}}                   | aws:CurrentTime=2020-01-01T00:00:00Z     | false
            {"DateLessThanEquals": {"aws:EpochTime": "2020-01-01T00:00:00Z"}}      | aws:EpochTime=1577836800                 | true
            {"DateGreaterThanEquals": {"aws:EpochTime": "2020-01-01T00:00:01Z"}}   | aws:EpochTime=1577836800                 | false
            {"Bool": {"aws:SecureTransport": "true"}}                              | aws:SecureTransport=true                 | true
            {"Bool": {"aws:SecureTransport": true}}                                | aws:SecureTransport=TRUE                 | true
            {"Bool": {"aws:SecureTransport": "false"}}                             | aws:SecureTransport=true                 | false
            {"Bool": {"aws:MultiFactorAuthPresent": "false"}}                      |                                          | false
            {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}              |                                          | true
            {"BinaryEquals": {"key:bytes": "QmluYXJ5VmFsdWU="}}                    | key:bytes=QmluYXJ5VmFsdWU=               | true
            {"BinaryEquals": {"key:bytes": "QmluYXJ5VmFsdWU="}}                    | key:bytes=T3RoZXI=                       | false
            {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}                      | aws:SourceIp=203.0.113.77                | true
            {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}                      | aws:SourceIp=203.0.114.1                 | false
            {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "203.0.113.0/24"]}}      | aws:SourceIp=10.9.8.7                    | true
            {"IpAddress": {"aws:SourceIp": "203.0.113.5"}}                         | aws:SourceIp=203.0.113.5                 | true
            {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}                           | aws:SourceIp=198.51.100.1                | true
            {"IpAddress": {"aws:SourceIp": "2001:DB8:1234:5678::/64"}}             | aws:SourceIp=2001:db8:1234:5678::1       | true
            {"IpAddress": {"aws:SourceIp": "2001:DB8:1234:5678::/64"}}             | aws:SourceIp=2001:db8:1234:5679::1       | false
            {"IpAddress": {"aws:SourceIp": "2001:DB8::/32"}}                       | aws:SourceIp=203.0.113.1                 | false
            {"IpAddress": {"aws:SourceIp": "127.0.0.0/8"}}                         | aws:SourceIp=::ffff:127.0.0.1            | true
            {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}                      | aws:SourceIp=localhost                   | false
            {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}                   | aws:SourceIp=198.51.100.1                | true
            {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}                   | aws:SourceIp=203.0.113.1                 | false
            {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}                   |                                          | true
            {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*:123456789012:cluster/*"}} | aws:SourceArn=arn:aws:ecs:r:123456789012:cluster/prod | true
            {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*:123456789012:cluster/*"}} | aws:SourceArn=arn:aws:ecs:r:999999999999:cluster/prod | false
            {"ArnEquals": {"aws:SourceArn": "arn:aws:ecs:r:1:cluster/prod"}}       | aws:SourceArn=arn:aws:ecs:r:1:cluster/prod | true
            {"ArnEquals": {"aws:SourceArn": "arn:aws:ecs:r:1:cluster/*"}}          | aws:SourceArn=arn:aws:ecs:r:1:cluster/prod | true
            {"ArnNotEquals": {"aws:SourceArn": "arn:aws:ecs:r:1:cluster/prod"}}    | aws:SourceArn=arn:aws:ecs:r:1:cluster/dev | true
            {"ArnNotLike": {"aws:SourceArn": "arn:aws:ecs:r:1:cluster/*"}}         | aws:SourceArn=arn:aws:ecs:r:1:cluster/dev | false
            {"ArnNotLike": {"aws:SourceArn": "arn:aws:ecs:r:1:cluster/*"}}         |                                          | true
            {"Null": {"aws:TokenIssueTime": "true"}}                               |                                          | true
            {"Null": {"aws:TokenIssueTime": "true"}}                               | aws:TokenIssueTime=2020-01-01T00:00:00Z  | false
            {"Null": {"aws:TokenIssueTime": "false"}}                              | aws:TokenIssueTime=2020-01-01T00:00:00Z  | true
            {"Null": {"aws:TokenIssueTime": false}}                                |                                          | false
            {"StringEqualsIfExists": {"ec2:InstanceType": "t2.micro"}}             |                                          | true
            {"StringEqualsIfExists": {"ec2:InstanceType": "t2.micro"}}             | ec2:InstanceType=m5.large                | false
            {"StringEqualsIfExists": {"ec2:InstanceType": "t2.micro"}}             | ec2:InstanceType=t2.micro                | true
            {"StringNotEqualsIfExists": {"ec2:InstanceType": "t2.micro"}}          | ec2:InstanceType=t2.micro                | false
            {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}        | aws:TagKeys=env,team                     | true
            {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}        | aws:TagKeys=env                          | true
            {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}        | aws:TagKeys=env,cost                     | false
            {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}        |                                          | true
            {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}        | aws:TagKeys=                             | true
            {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env", "team"]}}         | aws:TagKeys=cost,team                    | true
            {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env", "team"]}}         | aws:TagKeys=cost                         | false
            {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env", "team"]}}         |                                          | false
            {"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": "env"}}           |                                          | true
            {"ForAnyValue:StringLike": {"aws:TagKeys": "env*"}}                    | aws:TagKeys=cost,environment             | true
            {"ForAllValues:StringLike": {"aws:TagKeys": ["env*", "team*"]}}        | aws:TagKeys=envx,teamy                   | true
            {"ForAllValues:StringNotEquals": {"aws:TagKeys": ["secret"]}}          | aws:TagKeys=env,team                     | true
            {"ForAllValues:StringNotEquals": {"aws:TagKeys": ["secret"]}}          | aws:TagKeys=env,secret                   | false
            {"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["secret"]}}           | aws:TagKeys=secret                       | false
            {"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["secret"]}}           | aws:TagKeys=secret,env                   | true
            {"StringEquals": {"aws:TagKeys": "env"}}                               | aws:TagKeys=cost,env                     | true
            {"ForAnyValue:IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}              | aws:SourceIp=192.168.0.1,10.1.1.1        | true
            {"StringEquals": {"aws:username": "${aws:PrincipalTag/missing}"}}      | aws:username=alice                       | false
            {"StringEquals": {"aws:username": ["${aws:PrincipalTag/missing}", "alice"]}} | aws:username=alice                 | true
            {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*:123456789012:cluster/prod"}} | aws:SourceArn=arn:aws:ecs:r:999999999999:x:123456789012:cluster/prod | false
            {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*"}}                        | aws:SourceArn=arn:aws:ecs:r:1:cluster/prod | false
            {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*:*:*"}}                    | aws:SourceArn=arn:aws:ecs:r:1:cluster/prod | true
            {"ArnLike": {"aws:SourceArn": "arn:aws:logs:*:*:log-group:/app/*"}}    | aws:SourceArn=arn:aws:logs:r:1:log-group:/app/a:log-stream:x | true
            {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*:*:*"}}                    | aws:SourceArn=not-an-arn                 | false
            {"ArnNotLike": {"aws:SourceArn": "arn:aws:ecs:*:123456789012:cluster/prod"}} | aws:SourceArn=arn:aws:ecs:r:999999999999:x:123456789012:cluster/prod | true
            {"DateLessThan": {"aws:EpochTime": "2020-01-01T00:00:00Z"}}            | aws:EpochTime=18446744073709551617       | false
            {"DateGreaterThan": {"aws:EpochTime": "2020-01-01T00:00:00Z"}}         | aws:EpochTime=18446744073709551617       | false
            {"NumericGreaterThan": {"s3:max-keys": "10"}}                          | s3:max-keys=123456789012345678901234567890123456789012345 | false
            {"StringEquals": {"aws:PrincipalTag/team": "blue"}}                    | aws:PrincipalTag/team=red;aws:principaltag/TEAM=blue | true
            """)
    void holds(String condition, String context, boolean expected) {
        Decision decision = Policies.decide(Policies.allowAllIf(condition), "ecs:RunTask", "*", context);
        assertThat(decision).isEqualTo(expected ? Decision.ALLOW : Decision.IMPLICIT_DENY);
    }

    /** A Deny keyed on either spelling of a key fires when the request carries both spellings (values merged). */
    @ParameterizedTest(name = "[{index}] deny on {0}")
    @CsvSource(delimiter = '|', textBlock = """
            aws:PrincipalTag/team
            aws:principaltag/TEAM
            """)
    void keysDifferingInCaseMerge(String key) {
        java.util.Map<String, java.util.List<String>> spellings = new java.util.LinkedHashMap<>();
        spellings.put("aws:PrincipalTag/team", java.util.List.of("red", "blue"));
        spellings.put("aws:principaltag/TEAM", java.util.List.of("blue", "green"));
        ConditionContext context = new ConditionContext(spellings);
        assertThat(context.get(key)).contains(java.util.List.of("red", "blue", "green"));
        PolicyDocument policy = Policies.policy("""
                [{"Effect": "Allow", "Action": "*", "Resource": "*"},
                 {"Effect": "Deny", "Action": "*", "Resource": "*",
                  "Condition": {"ForAnyValue:StringEquals": {"%s": "green"}}}]""".formatted(key));
        AccessRequest request = new AccessRequest(Policies.ALICE, "ecs:RunTask", "*", context);
        assertThat(PolicyEvaluator.evaluate(java.util.List.of(policy), request).decision())
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @org.junit.jupiter.api.Test
    void nullValuesInAContextAreRefusedNamingTheKey() {
        java.util.List<String> withNull = java.util.Arrays.asList("a", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new ConditionContext(java.util.Map.of("aws:TagKeys", withNull)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("aws:TagKeys");
    }

    /**
     * Request values over the cap never match a wildcard; the evaluator refuses such a request outright (explicit
     * deny) so that a negated operator (StringNotLike) cannot turn "no match" into an Allow.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"StringNotLike": {"ecs:cluster": "prod*"}}
            {"StringLike": {"ecs:cluster": "*"}}
            """)
    void oversizedRequestValuesFailClosed(String condition) {
        String huge = "x".repeat(4097);
        Decision decision = Policies.decide(Policies.allowAllIf(condition), "ecs:RunTask", "*", "ecs:cluster=" + huge);
        assertThat(decision).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(Policies.decide(Policies.allowAllIf(condition), "ecs:RunTask", "*", "ecs:cluster=x"))
                .isEqualTo(Decision.ALLOW);
        assertThat(Glob.matches(GlobPattern.of("*"), huge, Glob.Mode.STRING)).isFalse();
    }
}
