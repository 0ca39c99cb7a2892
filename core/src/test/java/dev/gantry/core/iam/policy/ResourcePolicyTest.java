package dev.gantry.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resource-based and trust policies: who the statement is about (Principal / NotPrincipal). */
class ResourcePolicyTest {
    @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"Service": "ecs-tasks.amazonaws.com"}                   | ecs-tasks.amazonaws.com                              | ALLOW
            {"Service": "ecs-tasks.amazonaws.com"}                   | lambda.amazonaws.com                                 | IMPLICIT_DENY
            {"Service": ["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"]} | ecs-tasks.amazonaws.com                      | ALLOW
            {"AWS": "123456789012"}                                  | arn:aws:iam::123456789012:user/alice                 | ALLOW
            {"AWS": "123456789012"}                                  | arn:aws:sts::123456789012:assumed-role/app/s1        | ALLOW
            {"AWS": "123456789012"}                                  | arn:aws:iam::210987654321:user/alice                 | IMPLICIT_DENY
            {"AWS": "arn:aws:iam::123456789012:root"}                | arn:aws:iam::123456789012:role/app                   | ALLOW
            {"AWS": "arn:aws:iam::123456789012:user/alice"}          | arn:aws:iam::123456789012:user/alice                 | ALLOW
            {"AWS": "arn:aws:iam::123456789012:user/alice"}          | arn:aws:iam::123456789012:user/bob                   | IMPLICIT_DENY
            {"AWS": "arn:aws:iam::123456789012:role/app"}            | arn:aws:sts::123456789012:assumed-role/app/session-1 | ALLOW
            {"AWS": "arn:aws:iam::123456789012:role/team/app"}       | arn:aws:sts::123456789012:assumed-role/app/session-1 | ALLOW
            {"AWS": "arn:aws:iam::123456789012:role/app"}            | arn:aws:sts::123456789012:assumed-role/other/s       | IMPLICIT_DENY
            {"AWS": "arn:aws:iam::123456789012:role/app"}            | arn:aws:sts::999999999999:assumed-role/app/s         | IMPLICIT_DENY
            {"AWS": "*"}                                             | arn:aws:iam::999999999999:user/anyone                | ALLOW
            {"AWS": "AIDAJQABLZS4A3QDU576Q"}                         | arn:aws:iam::123456789012:user/alice                 | IMPLICIT_DENY
            "*"                                                      | ecs-tasks.amazonaws.com                              | ALLOW
            {"AWS": "123456789012"}                                  | arn:aws-cn:iam::123456789012:user/alice              | IMPLICIT_DENY
            {"AWS": "arn:aws:iam::123456789012:role/app"}            | arn:aws-cn:sts::123456789012:assumed-role/app/s1     | IMPLICIT_DENY
            {"AWS": "arn:aws:iam::123456789012:user/alice"}          | arn:aws-cn:iam::123456789012:user/alice              | IMPLICIT_DENY
            """)
    void principals(String principal, String caller, Decision expected) {
        PolicyDocument trust = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": %s,
                 "Action": "sts:AssumeRole"}}""".formatted(principal), PolicyKind.TRUST);
        AccessRequest request = new AccessRequest(caller, "sts:AssumeRole", "arn:aws:iam::123456789012:role/app");
        assertThat(PolicyEvaluator.evaluateResourcePolicy(trust, request).decision())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:iam::123456789012:user/admin     | secretsmanager:GetSecretValue | ALLOW
            arn:aws:iam::123456789012:user/alice     | secretsmanager:GetSecretValue | EXPLICIT_DENY
            arn:aws:iam::123456789012:user/alice     | secretsmanager:DescribeSecret | ALLOW
            arn:aws:iam::999999999999:user/mallory   | secretsmanager:DescribeSecret | IMPLICIT_DENY
            """)
    void notPrincipalDeniesEveryoneElse(String caller, String action, Decision expected) {
        PolicyDocument secretPolicy = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "secretsmanager:*",
                   "Resource": "*"},
                  {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:user/admin"},
                   "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}""", PolicyKind.RESOURCE);
        AccessRequest request =
                new AccessRequest(caller, action, "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf");
        assertThat(PolicyEvaluator.evaluateResourcePolicy(secretPolicy, request).decision())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:ecs:us-east-1:123456789012:cluster/prod | ALLOW
            arn:aws:ecs:us-east-1:123456789012:cluster/dev  | IMPLICIT_DENY
            """)
    void trustConditionsAndStatementsWithoutPrincipal(String sourceArn, Decision expected) {
        PolicyDocument trust = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole",
                   "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*:123456789012:cluster/prod"},
                                 "StringEquals": {"aws:SourceAccount": "123456789012"}}},
                  {"Effect": "Allow", "Action": "sts:AssumeRole"}]}""");
        AccessRequest request = new AccessRequest(
                "ecs-tasks.amazonaws.com",
                "sts:AssumeRole",
                "arn:aws:iam::123456789012:role/app",
                ConditionContext.of("aws:SourceArn", sourceArn).with("aws:SourceAccount", "123456789012"));
        // The second statement has no Principal: in a resource policy it applies to nobody.
        assertThat(PolicyEvaluator.evaluateResourcePolicy(trust, request).decision())
                .isEqualTo(expected);
    }

    /**
     * NotPrincipal names exact identities only: listing a role does not exempt its sessions, listing an account
     * does not exempt its users (AWS: to exempt a session, list the session, the role and the account).
     */
    @ParameterizedTest(name = "[{index}] NotPrincipal {0} / {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            arn:aws:iam::123456789012:role/auditor | arn:aws:sts::123456789012:assumed-role/auditor/s1 | EXPLICIT_DENY
            arn:aws:iam::123456789012:role/auditor | arn:aws:iam::123456789012:role/auditor            | ALLOW
            123456789012                           | arn:aws:iam::123456789012:user/mallory            | EXPLICIT_DENY
            123456789012                           | arn:aws:iam::123456789012:root                    | ALLOW
            arn:aws:iam::123456789012:user/admin   | arn:aws-cn:iam::123456789012:user/admin           | EXPLICIT_DENY
            """)
    void notPrincipalMatchesExactIdentitiesOnly(String exempt, String caller, Decision expected) {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
                  {"Effect": "Deny", "NotPrincipal": {"AWS": "%s"}, "Action": "*", "Resource": "*"}]}""".formatted(exempt), PolicyKind.RESOURCE);
        AccessRequest request = new AccessRequest(caller, "secretsmanager:GetSecretValue", "*");
        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, request).decision())
                .isEqualTo(expected);
    }
}
