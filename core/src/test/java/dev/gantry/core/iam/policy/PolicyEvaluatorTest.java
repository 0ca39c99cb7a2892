package dev.gantry.core.iam.policy;

import static dev.gantry.core.iam.policy.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identity-policy evaluation, with the examples of AWS's IAM documentation. */
class PolicyEvaluatorTest {
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

    /** AWS example: deny everything but IAM to users who signed in without MFA (NotAction with Deny). */
    private static final PolicyDocument ALL_BUT_IAM_WITHOUT_MFA = policy("""
            [{"Sid": "AllowAll", "Effect": "Allow", "Action": "*", "Resource": "*"},
             {"Sid": "DenyAllExceptIamWithoutMfa", "Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
              "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]""");

    /** AWS example: deny access to AWS based on the source IP. */
    private static final PolicyDocument SOURCE_IP_DENY = policy("""
            [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"},
             {"Sid": "SourceIp", "Effect": "Deny", "Action": "*", "Resource": "*",
              "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]},
                            "Bool": {"aws:ViaAWSService": "false"}}}]""");

    /** AWS example (ECS): RunTask only on one cluster, Describe anywhere. */
    private static final PolicyDocument ECS_CLUSTER = policy("""
            [{"Sid": "RunOnProd", "Effect": "Allow", "Action": ["ecs:RunTask", "ecs:StartTask"],
              "Resource": "arn:aws:ecs:*:123456789012:task-definition/*",
              "Condition": {"ArnEquals": {"ecs:cluster": "%s"}}},
             {"Sid": "Describe", "Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]""".formatted(CLUSTER));

    /** AWS example: ForAllValues with no tag keys in the request still allows (the documented pitfall). */
    private static final PolicyDocument TAG_KEYS = policy("""
            {"Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*",
             "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}}""");

    /** AWS example: each user their own home folder (policy variable in Resource and in a condition). */
    private static final PolicyDocument HOME_FOLDER = policy("""
            [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::bucket",
              "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*"]}}},
             {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
              "Resource": "arn:aws:s3:::bucket/home/${aws:username}/*"}]""");

    /** AWS example (ABAC): act on resources tagged with the caller's own team. */
    private static final PolicyDocument SAME_TEAM = policy("""
            {"Effect": "Allow", "Action": ["ecs:StopTask", "ecs:UpdateService"], "Resource": "*",
             "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}}""");

    private static final PolicyDocument DESCRIBE_ONLY =
            policy("{\"Effect\": \"Allow\", \"Action\": \"ecs:Describe*\", \"Resource\": \"*\"}");

    private static final PolicyDocument NOT_RESOURCE = policy("""
            {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
             "NotResource": "arn:aws:secretsmanager:*:*:secret:admin/*"}""");

    @ParameterizedTest(name = "[{index}] {0}: {1} on {2} with {3} -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ALL_BUT_IAM_WITHOUT_MFA | ecs:RunTask              | *                         | aws:MultiFactorAuthPresent=false | EXPLICIT_DENY
            ALL_BUT_IAM_WITHOUT_MFA | ecs:RunTask              | *                         |                                  | EXPLICIT_DENY
            ALL_BUT_IAM_WITHOUT_MFA | iam:CreateVirtualMFADevice | *                       | aws:MultiFactorAuthPresent=false | ALLOW
            ALL_BUT_IAM_WITHOUT_MFA | ecs:RunTask              | *                         | aws:MultiFactorAuthPresent=true  | ALLOW
            SOURCE_IP_DENY          | ecs:RunTask              | *                         | aws:SourceIp=192.0.2.10;aws:ViaAWSService=false    | ALLOW
            SOURCE_IP_DENY          | ecs:RunTask              | *                         | aws:SourceIp=198.51.100.1;aws:ViaAWSService=false  | EXPLICIT_DENY
            SOURCE_IP_DENY          | ecs:RunTask              | *                         | aws:SourceIp=198.51.100.1;aws:ViaAWSService=true   | ALLOW
            SOURCE_IP_DENY          | iam:CreateUser           | *                         | aws:SourceIp=192.0.2.10;aws:ViaAWSService=false    | IMPLICIT_DENY
            ECS_CLUSTER             | ecs:RunTask              | arn:aws:ecs:us-east-1:123456789012:task-definition/web:3 | ecs:cluster=arn:aws:ecs:us-east-1:123456789012:cluster/prod | ALLOW
            ECS_CLUSTER             | ecs:RunTask              | arn:aws:ecs:us-east-1:123456789012:task-definition/web:3 | ecs:cluster=arn:aws:ecs:us-east-1:123456789012:cluster/dev  | IMPLICIT_DENY
            ECS_CLUSTER             | ecs:RunTask              | arn:aws:ecs:us-east-1:123456789012:task-definition/web:3 |                                                          | IMPLICIT_DENY
            ECS_CLUSTER             | ECS:runtask              | arn:aws:ecs:us-east-1:123456789012:task-definition/web:3 | ecs:cluster=arn:aws:ecs:us-east-1:123456789012:cluster/prod | ALLOW
            ECS_CLUSTER             | ecs:DescribeTasks        | *                         |                                  | ALLOW
            ECS_CLUSTER             | ecs:StopTask             | *                         |                                  | IMPLICIT_DENY
            TAG_KEYS                | ecs:TagResource          | *                         | aws:TagKeys=env                  | ALLOW
            TAG_KEYS                | ecs:TagResource          | *                         | aws:TagKeys=env,owner            | IMPLICIT_DENY
            TAG_KEYS                | ecs:TagResource          | *                         |                                  | ALLOW
            HOME_FOLDER             | s3:ListBucket            | arn:aws:s3:::bucket       | aws:username=alice;s3:prefix=home/alice/docs/ | ALLOW
            HOME_FOLDER             | s3:ListBucket            | arn:aws:s3:::bucket       | aws:username=alice;s3:prefix=home/bob/        | IMPLICIT_DENY
            HOME_FOLDER             | s3:GetObject             | arn:aws:s3:::bucket/home/alice/a/b.txt | aws:username=alice  | ALLOW
            HOME_FOLDER             | s3:GetObject             | arn:aws:s3:::bucket/home/bob/b.txt     | aws:username=alice  | IMPLICIT_DENY
            HOME_FOLDER             | s3:GetObject             | arn:aws:s3:::bucket/home/alice/b.txt   |                     | IMPLICIT_DENY
            HOME_FOLDER             | s3:GetObject             | arn:aws:s3:::bucket/home/*/b.txt       | aws:username=*      | ALLOW
            HOME_FOLDER             | s3:GetObject             | arn:aws:s3:::bucket/home/bob/b.txt     | aws:username=*      | IMPLICIT_DENY
            SAME_TEAM               | ecs:StopTask             | *                         | aws:PrincipalTag/team=blue;aws:ResourceTag/team=blue | ALLOW
            SAME_TEAM               | ecs:StopTask             | *                         | aws:PrincipalTag/team=blue;aws:ResourceTag/team=red  | IMPLICIT_DENY
            SAME_TEAM               | ecs:StopTask             | *                         | aws:ResourceTag/team=blue                            | IMPLICIT_DENY
            DESCRIBE_ONLY           | ecs:DescribeServices     | *                         |                                  | ALLOW
            DESCRIBE_ONLY           | ecs:RunTask              | *                         |                                  | IMPLICIT_DENY
            NOT_RESOURCE            | secretsmanager:GetSecretValue | arn:aws:secretsmanager:r:1:secret:app/db-AbCdEf   |   | ALLOW
            NOT_RESOURCE            | secretsmanager:GetSecretValue | arn:aws:secretsmanager:r:1:secret:admin/db-AbCdEf |   | IMPLICIT_DENY
            """)
    void decides(String policyName, String action, String resource, String context, Decision expected) {
        PolicyDocument policy = switch (policyName) {
            case "ALL_BUT_IAM_WITHOUT_MFA" -> ALL_BUT_IAM_WITHOUT_MFA;
            case "SOURCE_IP_DENY" -> SOURCE_IP_DENY;
            case "ECS_CLUSTER" -> ECS_CLUSTER;
            case "TAG_KEYS" -> TAG_KEYS;
            case "HOME_FOLDER" -> HOME_FOLDER;
            case "SAME_TEAM" -> SAME_TEAM;
            case "DESCRIBE_ONLY" -> DESCRIBE_ONLY;
            case "NOT_RESOURCE" -> NOT_RESOURCE;
            default -> throw new IllegalArgumentException(policyName);
        };
        assertThat(Policies.decide(policy, action, resource, context)).isEqualTo(expected);
    }

    @Test
    void noPolicyIsAnImplicitDeny() {
        assertThat(PolicyEvaluator.evaluate(List.of(), Policies.request("ecs:ListClusters", "*", null)))
                .isEqualTo(Evaluation.implicitDeny());
    }

    @Test
    void anExplicitDenyInAnyPolicyWinsWhateverTheOrder() {
        PolicyDocument allow =
                policy("{\"Sid\": \"Everything\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}");
        PolicyDocument deny = policy("{\"Effect\": \"Deny\", \"Action\": \"ecs:RunTask\", \"Resource\": \"*\"}");
        AccessRequest runTask = Policies.request("ecs:RunTask", CLUSTER, null);
        assertThat(PolicyEvaluator.evaluate(List.of(allow, deny), runTask))
                .isEqualTo(new Evaluation(Decision.EXPLICIT_DENY, Optional.of("statement 1")));
        assertThat(PolicyEvaluator.evaluate(List.of(deny, allow), runTask).decision())
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(List.of(allow, deny), Policies.request("ecs:ListTasks", "*", null)))
                .isEqualTo(new Evaluation(Decision.ALLOW, Optional.of("Everything")));
    }

    @Test
    void theDecidingStatementIsNamedBySidOrPosition() {
        Evaluation evaluation =
                PolicyEvaluator.evaluate(List.of(ALL_BUT_IAM_WITHOUT_MFA), Policies.request("ecs:RunTask", "*", null));
        assertThat(evaluation.deciding()).contains("DenyAllExceptIamWithoutMfa");
        assertThat(evaluation.allowed()).isFalse();
    }

    @Test
    void version2008PoliciesDoNotSubstituteVariables() {
        PolicyDocument old = PolicyDocument.parse("""
                {"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::bucket/${aws:username}"}}""");
        assertThat(Policies.decide(old, "s3:GetObject", "arn:aws:s3:::bucket/alice", "aws:username=alice"))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(Policies.decide(old, "s3:GetObject", "arn:aws:s3:::bucket/${aws:username}", "aws:username=alice"))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void sessionPoliciesNarrowButNeverWiden() {
        PolicyDocument ecsAll = policy("{\"Effect\": \"Allow\", \"Action\": \"ecs:*\", \"Resource\": \"*\"}");
        PolicyDocument everything = policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}");
        PolicyDocument denyStop = policy("{\"Effect\": \"Deny\", \"Action\": \"ecs:StopTask\", \"Resource\": \"*\"}");
        AccessRequest describe = Policies.request("ecs:DescribeTasks", "*", null);
        AccessRequest listUsers = Policies.request("iam:ListUsers", "*", null);
        AccessRequest stop = Policies.request("ecs:StopTask", "*", null);

        assertThat(PolicyEvaluator.evaluate(List.of(everything), List.of(DESCRIBE_ONLY), describe)
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluate(List.of(everything), List.of(DESCRIBE_ONLY), listUsers)
                        .decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(List.of(ecsAll), List.of(everything), listUsers)
                        .decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(List.of(ecsAll), List.of(everything, denyStop), stop)
                        .decision())
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(List.of(ecsAll), List.of(), stop).decision())
                .isEqualTo(Decision.ALLOW);
    }
}
