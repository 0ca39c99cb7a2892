package dev.gantry.api.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.control.iam.CorePolicyEngine;
import dev.gantry.control.iam.IamIds;
import dev.gantry.control.iam.IamPlane;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.SessionStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM's access mapping: the member each operation's handler reads, the stored ARN (with its path), the caller. */
class IamAccessTest {
    private static final String ACCOUNT = "123456789012";
    private static final String IAM = "arn:aws:iam::" + ACCOUNT + ":";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Database db;
    private IamService service;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("gantry.db"));
        Envelope envelope = new Envelope(MasterKey.random());
        IamPlane plane = IamPlane.create(
                new IamStore(db, envelope),
                new SessionStore(db, envelope),
                new CorePolicyEngine(),
                new IamIds(new Random(7)),
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
                ACCOUNT,
                "us-east-1");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        plane.operations().createRole("boss", "/admins/", trust, Optional.empty(), "", List.of());
        plane.operations().createUser("u3", "/people/", List.of());
        service = new IamService(plane.operations(), ACCOUNT);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private AccessTarget target(String operation, String input) throws Exception {
        return service.accessTarget(operation, JSON.readTree(input));
    }

    @Test
    void theResourceIsTheMemberTheOperationActsOnNotWhicheverIsPresent() throws Exception {
        assertThat(target("PutUserPolicy", "{\"UserName\":\"u3\",\"RoleName\":\"nosuch\",\"PolicyName\":\"p\"}")
                        .resources())
                .containsExactly(IAM + "user/people/u3");
        assertThat(target("PutRolePolicy", "{\"UserName\":\"u3\",\"RoleName\":\"boss\",\"PolicyName\":\"p\"}")
                        .resources())
                .containsExactly(IAM + "role/admins/boss");
        assertThat(target("GetPolicy", "{\"PolicyArn\":\"" + IAM + "policy/x\",\"RoleName\":\"boss\"}")
                        .resources())
                .containsExactly(IAM + "policy/x");
    }

    @Test
    void attachAndDetachCarryThePolicyArnConditionKey() throws Exception {
        String policy = "arn:aws:iam::aws:policy/AdministratorAccess";
        AccessTarget t = target("AttachRolePolicy", "{\"RoleName\":\"boss\",\"PolicyArn\":\"" + policy + "\"}");
        assertThat(t.resources()).containsExactly(IAM + "role/admins/boss");
        assertThat(t.conditionKeys()).containsEntry("iam:PolicyARN", List.of(policy));
        assertThat(target("DetachUserPolicy", "{\"UserName\":\"u3\",\"PolicyArn\":\"" + policy + "\"}")
                        .conditionKeys())
                .containsEntry("iam:PolicyARN", List.of(policy));
    }

    @Test
    void newEntitiesAreAuthorizedOnTheArnTheyWillGetAndUnknownOnesOnTheirPathlessArn() throws Exception {
        assertThat(target("CreateRole", "{\"RoleName\":\"r\",\"Path\":\"/svc/\"}")
                        .resources())
                .containsExactly(IAM + "role/svc/r");
        assertThat(target("CreateUser", "{\"UserName\":\"n\"}").resources()).containsExactly(IAM + "user/n");
        assertThat(target("CreatePolicy", "{\"PolicyName\":\"p\",\"Path\":\"/a/\"}")
                        .resources())
                .containsExactly(IAM + "policy/a/p");
        assertThat(target("GetRole", "{\"RoleName\":\"nosuch\"}").resources()).containsExactly(IAM + "role/nosuch");
    }

    @Test
    void listsHaveNoResourceType() throws Exception {
        for (String op : List.of("ListRoles", "ListUsers", "ListPolicies")) {
            assertThat(target(op, "{\"RoleName\":\"boss\",\"UserName\":\"u3\"}").resources())
                    .as(op)
                    .containsExactly("*");
        }
    }

    @Test
    void selfCallsWithoutUserNameActOnTheCallersOwnUser() throws Exception {
        JsonNode none = JSON.readTree("{}");
        String caller = IAM + "user/people/u3";
        for (String op : List.of("CreateAccessKey", "ListAccessKeys", "DeleteAccessKey", "GetUser")) {
            assertThat(service.accessTarget(op, none, caller).resources())
                    .as(op)
                    .containsExactly(caller);
            assertThat(service.accessTarget(op, JSON.readTree("{\"UserName\":\"u3\"}"), IAM + "root")
                            .resources())
                    .as(op)
                    .containsExactly(caller);
        }
    }
}
