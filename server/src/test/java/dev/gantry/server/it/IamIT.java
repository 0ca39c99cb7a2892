package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * IAM and STS enforced, through the AWS SDK for Java v2 and the AWS CLI v2 against a real server: a user whose policy
 * allows only {@code ecs:Describe*} can describe but gets AccessDeniedException on RunTask; an explicit Deny wins;
 * AssumeRole hands out session credentials that work, are refused with a forged token or once expired, and are
 * refused to a caller the trust policy does not name. The admin keys stay all-powerful (they create everything).
 */
class IamIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASKS_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static TestGantry g;
    private static String account;
    private static IamClient admin;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        account = g.server.config().accountId();
        admin = iam(TestGantry.credentials().resolveCredentials());
    }

    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(
            B builder, AwsCredentials credentials) {
        return builder.endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static IamClient iam(AwsCredentials c) {
        return client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()), c);
    }

    static EcsClient ecs(AwsCredentials c) {
        return client(EcsClient.builder().httpClient(UrlConnectionHttpClient.create()), c);
    }

    static StsClient sts(AwsCredentials c) {
        return client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()), c);
    }

    /** A new user with one inline policy and an access key. */
    static AwsCredentials user(String name, String policy) {
        admin.createUser(r -> r.userName(name));
        admin.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
        AccessKey key = admin.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String denied(String who, String action, String resource) {
        return "User: " + who + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action";
    }

    @Test
    void aUserAllowedOnlyEcsDescribeCanDescribeButNotRunTasks() {
        AwsCredentials describer = user("describer", allow("ecs:Describe*", "*"));
        String arn = "arn:aws:iam::" + account + ":user/describer";
        try (EcsClient ecs = ecs(describer)) {
            assertThat(ecs.describeClusters(r -> r.clusters("default")).clusters())
                    .extracting(c -> c.clusterName())
                    .containsExactly("default");
            assertThatThrownBy(() -> ecs.runTask(r -> r.taskDefinition("web:3")))
                    .isInstanceOfSatisfying(EcsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(denied(
                                        arn,
                                        "ecs:RunTask",
                                        "arn:aws:ecs:us-east-1:" + account + ":task-definition/web:3"));
                    });
            assertThatThrownBy(ecs::listClusters)
                    .isInstanceOfSatisfying(
                            EcsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
        try (StsClient sts = sts(describer)) {
            var id = sts.getCallerIdentity(); // never denied
            assertThat(id.arn()).isEqualTo(arn);
            assertThat(id.userId()).startsWith("AIDA");
        }
        try (IamClient iam = iam(describer)) {
            assertThatThrownBy(() -> iam.createUser(r -> r.userName("escalate")))
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(denied(arn, "iam:CreateUser", "arn:aws:iam::" + account + ":user/escalate"));
                    });
        }
    }

    @Test
    void anExplicitDenyWins() {
        AwsCredentials both = user("denied-describe", allow("ecs:*", "*"));
        admin.putUserPolicy(r -> r.userName("denied-describe")
                .policyName("no-describe")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                        + "\"Action\":\"ecs:DescribeClusters\",\"Resource\":\"*\"}]}"));
        try (EcsClient ecs = ecs(both)) {
            ecs.listClusters();
            assertThatThrownBy(() -> ecs.describeClusters(r -> r.clusters("default")))
                    .isInstanceOfSatisfying(
                            EcsException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .endsWith("with an explicit deny in an identity-based policy"));
        }
    }

    @Test
    void assumeRoleGivesSessionCredentialsThatWorkUntilForgedOrExpired() {
        String userArn = "arn:aws:iam::" + account + ":user/assumer";
        AwsCredentials assumer = user("assumer", allow("sts:AssumeRole", "*"));
        String roleArn = admin.createRole(r -> r.roleName("lister")
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":{\"AWS\":\"" + userArn + "\"},\"Action\":\"sts:AssumeRole\"}]}"))
                .role()
                .arn();
        admin.putRolePolicy(r -> r.roleName("lister").policyName("list").policyDocument(allow("ecs:List*", "*")));

        Credentials c;
        try (StsClient sts = sts(assumer)) {
            var assumed =
                    sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").durationSeconds(900));
            c = assumed.credentials();
            assertThat(c.accessKeyId()).startsWith("ASIA");
            assertThat(assumed.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::" + account + ":assumed-role/lister/s1");
        }
        AwsSessionCredentials session =
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        try (EcsClient ecs = ecs(session);
                StsClient sts = sts(session)) {
            ecs.listClusters();
            assertThatThrownBy(() -> ecs.describeClusters(r -> r.clusters("default")))
                    .isInstanceOfSatisfying(
                            EcsException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .startsWith("User: arn:aws:sts::" + account
                                            + ":assumed-role/lister/s1 is not authorized"));
            var id = sts.getCallerIdentity();
            assertThat(id.arn()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/lister/s1");
            assertThat(id.userId()).matches("AROA[A-Z2-7]{16}:s1");
        }
        AwsSessionCredentials forged =
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken() + "x");
        try (EcsClient ecs = ecs(forged)) {
            assertThatThrownBy(ecs::listClusters)
                    .isInstanceOfSatisfying(
                            EcsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
        g.server.iam().sessions().end(c.accessKeyId());
        try (EcsClient ecs = ecs(session);
                IamClient iam = iam(session)) {
            assertThatThrownBy(ecs::listClusters).isInstanceOfSatisfying(EcsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is expired");
            });
            assertThatThrownBy(iam::listRoles)
                    .isInstanceOfSatisfying(
                            IamException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        }
    }

    @Test
    void assumeRoleIsRefusedToACallerTheTrustPolicyDoesNotName() {
        AwsCredentials outsider = user("outsider", allow("sts:AssumeRole", "*"));
        String roleArn = admin.createRole(r -> r.roleName("private").assumeRolePolicyDocument(TASKS_TRUST))
                .role()
                .arn();
        try (StsClient sts = sts(outsider)) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("xy")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("User: arn:aws:iam::" + account
                                        + ":user/outsider is not authorized to perform: sts:AssumeRole on resource: "
                                        + roleArn);
                    });
        }
    }

    @Test
    void iamReturnsPolicyDocumentsUrlEncodedAndTheCliDecodesThem() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        String doc = allow("ecs:List*", "*");
        admin.createRole(r -> r.roleName("cli-role").assumeRolePolicyDocument(TASKS_TRUST));
        AwsCli cli = new AwsCli(g.server.endpoint());
        cli.run("iam", "put-role-policy", "--role-name", "cli-role", "--policy-name", "p", "--policy-document", doc);
        var sdk = admin.getRolePolicy(r -> r.roleName("cli-role").policyName("p"));
        assertThat(sdk.policyDocument()).startsWith("%7B%22Version%22");
        assertThat(URLDecoder.decode(sdk.policyDocument(), StandardCharsets.UTF_8))
                .isEqualTo(doc);
        String out =
                cli.run("iam", "get-role-policy", "--role-name", "cli-role", "--policy-name", "p", "--output", "json");
        assertThat(JSON.readTree(out).path("PolicyDocument")).isEqualTo(JSON.readTree(doc));
        var missing = cli.process("iam", "get-role", "--role-name", "nope").start();
        String err = new String(missing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(missing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(missing.exitValue()).isNotZero();
        assertThat(err).contains("NoSuchEntity").contains("The role with name nope cannot be found.");
    }

    @Test
    void theCliWithUserKeysDescribesButIsDeniedRunTask() throws Exception {
        Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        AwsCredentials key = user("cli-describer", allow("ecs:Describe*", "*"));
        AwsCli cli = new AwsCli(g.server.endpoint());
        ProcessBuilder describe = cli.process("ecs", "describe-clusters", "--clusters", "default");
        describe.environment().put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        describe.environment().put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        Process p = describe.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        ProcessBuilder run = cli.process("ecs", "run-task", "--task-definition", "web:1");
        run.environment().put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        run.environment().put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        Process r = run.start();
        String err = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(r.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(r.exitValue()).isNotZero();
        assertThat(err)
                .contains("AccessDeniedException")
                .contains("user/cli-describer is not authorized to perform: ecs:RunTask");
    }

    /** A user allowed iam:* but denied one action on every user (and, separately, on one role path). */
    static String allowAllDeny(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\""
                + resource + "\"}]}";
    }

    /** Adds a member to every Query call, before signing (as a hand-made request would send it). */
    static ExecutionInterceptor adding(String name, String value) {
        return new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                // the SDK still holds a Query call's members as query parameters here; it moves them to the body later
                return context.httpRequest().toBuilder()
                        .appendRawQueryParameter(name, value)
                        .build();
            }
        };
    }

    @Test
    void aMemberTheOperationDoesNotHaveCannotRedirectAuthorization() {
        String userArn = "arn:aws:iam::" + account + ":user/u3";
        AwsCredentials u3 = user("u3", allowAllDeny("iam:PutUserPolicy", "arn:aws:iam::" + account + ":user/*"));
        try (IamClient iam = IamClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(u3))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(adding("RoleName", "nosuch")))
                .build()) {
            assertThatThrownBy(() -> iam.putUserPolicy(
                            r -> r.userName("u3").policyName("admin").policyDocument(allow("*", "*"))))
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .contains("iam:PutUserPolicy on resource: " + userArn)
                                .endsWith("with an explicit deny in an identity-based policy");
                    });
        }
        assertThat(admin.listUserPolicies(r -> r.userName("u3")).policyNames()).containsExactly("p");
    }

    @Test
    void aRoleIsAuthorizedOnItsArnWithItsPath() {
        String bossArn = admin.createRole(
                        r -> r.roleName("boss").path("/admins/").assumeRolePolicyDocument(TASKS_TRUST))
                .role()
                .arn();
        assertThat(bossArn).isEqualTo("arn:aws:iam::" + account + ":role/admins/boss");
        AwsCredentials c = user("no-admins", allowAllDeny("iam:*", "arn:aws:iam::" + account + ":role/admins/*"));
        try (IamClient iam = iam(c)) {
            assertThatThrownBy(() -> iam.putRolePolicy(
                            r -> r.roleName("boss").policyName("admin").policyDocument(allow("*", "*"))))
                    .isInstanceOfSatisfying(
                            IamException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .contains("on resource: " + bossArn)
                                    .endsWith("with an explicit deny in an identity-based policy"));
            assertThatThrownBy(() -> iam.getRole(r -> r.roleName("boss")))
                    .isInstanceOfSatisfying(
                            IamException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThat(iam.listRoles().roles()).extracting(r -> r.roleName()).contains("boss"); // ListRoles: "*"
        }
    }

    @Test
    void aLongTermKeySentWithASecurityTokenIsRefused() {
        AwsCredentials keys = user("with-token", allow("sts:*", "*"));
        AwsCredentials withToken =
                AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), "not-a-session-token");
        try (StsClient sts = sts(withToken)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid.");
            });
        }
        try (StsClient sts = sts(keys)) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":user/with-token");
        }
    }
}
