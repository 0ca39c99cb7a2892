package dev.gantry.control.iam;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS-managed policies Gantry knows, by ARN ({@code arn:aws:iam::aws:policy/NAME}): AdministratorAccess,
 * PowerUserAccess, IAMReadOnlyAccess, AmazonECSTaskExecutionRolePolicy and AmazonSSMReadOnlyAccess with the
 * documents AWS publishes; SecretsManagerReadWrite reduced to the actions Gantry serves (AWS's also grants
 * CloudFormation, EC2, Lambda… reads). Attaching another AWS-managed ARN is refused with NoSuchEntity.
 */
public final class AwsManagedPolicies {
    static final String PREFIX = "arn:aws:iam::aws:policy/";

    private static final Map<String, String> DOCUMENTS = Map.of(
            PREFIX + "AdministratorAccess",
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""",
            PREFIX + "PowerUserAccess",
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*",\
            "account:*"],"Resource":"*"},{"Effect":"Allow","Action":["account:GetAccountInformation",\
            "account:GetPrimaryEmail","account:ListRegions","iam:CreateServiceLinkedRole",\
            "iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeOrganization"],"Resource":"*"}]}""",
            PREFIX + "IAMReadOnlyAccess",
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GenerateCredentialReport",\
            "iam:GenerateServiceLastAccessedDetails","iam:Get*","iam:List*","iam:SimulateCustomPolicy",\
            "iam:SimulatePrincipalPolicy"],"Resource":"*"}]}""",
            PREFIX + "service-role/AmazonECSTaskExecutionRolePolicy",
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken",\
            "ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage",\
            "logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}""",
            PREFIX + "SecretsManagerReadWrite",
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["secretsmanager:*",\
            "kms:DescribeKey","kms:ListAliases","kms:ListKeys","tag:GetResources"],"Resource":"*"}]}""",
            PREFIX + "AmazonSSMReadOnlyAccess",
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:Describe*","ssm:Get*",\
            "ssm:List*"],"Resource":"*"}]}""");

    private AwsManagedPolicies() {}

    public static boolean isAwsManaged(String arn) {
        return arn.startsWith(PREFIX);
    }

    public static Optional<String> document(String arn) {
        return Optional.ofNullable(DOCUMENTS.get(arn));
    }

    public static Set<String> arns() {
        return DOCUMENTS.keySet();
    }
}
