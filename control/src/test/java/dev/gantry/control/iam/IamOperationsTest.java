package dev.gantry.control.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamOperationsTest {
    @TempDir
    Path dir;

    IamFixture f;
    IamOperations ops;

    @BeforeEach
    void open() {
        f = new IamFixture(dir);
        ops = f.iam.operations();
    }

    @AfterEach
    void close() {
        f.close();
    }

    static void fails(Runnable r, ErrorKind kind, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(kind);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void namesAreUniqueRegardlessOfCase() {
        ops.createRole("App", "/", "trust:x", Optional.empty(), "", List.of());
        fails(
                () -> ops.createRole("app", "/", "trust:x", Optional.empty(), "", List.of()),
                IamError.ENTITY_ALREADY_EXISTS,
                "Role with name app already exists.");
        ops.createUser("alice", "/team/", List.of());
        assertThat(ops.user("ALICE").arn()).isEqualTo("arn:aws:iam::123456789012:user/team/alice");
        fails(
                () -> ops.createUser("Alice", "/", List.of()),
                IamError.ENTITY_ALREADY_EXISTS,
                "User with name Alice already exists.");
    }

    @Test
    void aMalformedDocumentIsRefusedAndNothingIsStored() {
        fails(
                () -> ops.createRole("r", "/", "bad", Optional.empty(), "", List.of()),
                IamError.MALFORMED_POLICY_DOCUMENT,
                "bad");
        fails(() -> ops.role("r"), IamError.NO_SUCH_ENTITY, "The role with name r cannot be found.");
    }

    @Test
    void aRoleWithPoliciesCannotBeDeleted() {
        ops.createRole("r", "/", "trust:x", Optional.empty(), "", List.of());
        ops.attachRolePolicy("r", "arn:aws:iam::aws:policy/AdministratorAccess");
        fails(
                () -> ops.deleteRole("r"),
                IamError.DELETE_CONFLICT,
                "Cannot delete entity, must detach all policies first.");
        ops.detachRolePolicy("r", "arn:aws:iam::aws:policy/AdministratorAccess");
        ops.putRolePolicy("r", "inline", "allow:*");
        fails(() -> ops.deleteRole("r"), IamError.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
        ops.deleteRolePolicy("r", "inline");
        ops.deleteRole("r");
        assertThat(ops.roles("/")).isEmpty();
    }

    @Test
    void anUnknownAwsManagedPolicyCannotBeAttached() {
        ops.createRole("r", "/", "trust:x", Optional.empty(), "", List.of());
        fails(
                () -> ops.attachRolePolicy("r", "arn:aws:iam::aws:policy/NoSuchThing"),
                IamError.NO_SUCH_ENTITY,
                "Policy arn:aws:iam::aws:policy/NoSuchThing does not exist or is not attachable.");
    }

    @Test
    void twoAccessKeysPerUserAndNoDeletingAUserWhoHasThem() {
        ops.createUser("u", "/", List.of());
        var k1 = ops.createAccessKey("u");
        assertThat(k1.id()).matches("AKIA[A-Z2-7]{16}");
        ops.createAccessKey("u");
        fails(() -> ops.createAccessKey("u"), IamError.LIMIT_EXCEEDED, "Cannot exceed quota for AccessKeysPerUser: 2");
        fails(
                () -> ops.deleteUser("u"),
                IamError.DELETE_CONFLICT,
                "Cannot delete entity, must delete access keys first.");
        assertThat(f.iam.keys().find(k1.id()).orElseThrow().principalArn())
                .isEqualTo("arn:aws:iam::123456789012:user/u");
        ops.accessKeys("u").forEach(k -> ops.deleteAccessKey("u", k.id()));
        assertThat(f.iam.keys().find(k1.id())).isEmpty();
        ops.deleteUser("u");
    }

    @Test
    void anAttachedPolicyCannotBeDeleted_andHasOneVersion() {
        ops.createUser("u", "/", List.of());
        var p = ops.createPolicy("p", "/", "allow:*", "d");
        ops.attachUserPolicy("u", p.arn());
        assertThat(ops.attachmentCount(p.arn())).isEqualTo(1);
        fails(
                () -> ops.deletePolicy(p.arn()),
                IamError.DELETE_CONFLICT,
                "Cannot delete a policy attached to entities.");
        assertThat(ops.policyVersion(p.arn(), "v1")).isEqualTo("allow:*");
        fails(
                () -> ops.policyVersion(p.arn(), "v2"),
                IamError.NO_SUCH_ENTITY,
                "Policy " + p.arn() + " version v2 does not exist or is not attachable.");
        ops.detachUserPolicy("u", p.arn());
        ops.deletePolicy(p.arn());
    }
}
