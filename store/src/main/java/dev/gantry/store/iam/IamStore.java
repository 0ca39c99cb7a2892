package dev.gantry.store.iam;

import dev.gantry.store.StoreJson;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IAM's users, access keys, roles, inline and customer-managed policies and attachments. Inserts report whether
 * the name was free (checked in the insert's transaction); deletes whether something was deleted. Deleting a user
 * or a role that still has keys or policies is the caller's rule to check ({@link #dependents}). Secret access keys
 * are sealed with the {@link Envelope} (bound to their key id) before they reach the database.
 */
public final class IamStore {
    private final Database db;
    private final Envelope envelope;

    public IamStore(Database db, Envelope envelope) {
        this.db = db;
        this.envelope = envelope;
    }

    static String context(String accessKeyId) {
        return "iam:access-key:" + accessKeyId;
    }

    // --- users and access keys

    /** False if a user of that name (any case) exists. */
    public boolean insertUser(IamUser user) {
        return db.write(c -> Sql.update(
                        c,
                        "INSERT OR IGNORE INTO iam_users(name, arn, body) VALUES (?,?,?)",
                        user.name(),
                        user.arn(),
                        StoreJson.write(user))
                == 1);
    }

    public void updateUser(IamUser user) {
        db.write(
                c -> Sql.update(c, "UPDATE iam_users SET body = ? WHERE name = ?", StoreJson.write(user), user.name()));
    }

    public Optional<IamUser> user(String name) {
        return db.read(c -> Sql.body(c, IamUser.class, "SELECT body FROM iam_users WHERE name = ?", name));
    }

    public List<IamUser> users() {
        return db.read(c -> Sql.bodies(c, IamUser.class, "SELECT body FROM iam_users ORDER BY name"));
    }

    public boolean deleteUser(String name) {
        return db.write(c -> Sql.update(c, "DELETE FROM iam_users WHERE name = ?", name) == 1);
    }

    public void insertKey(AccessKey key) {
        db.write(c -> Sql.update(
                c,
                "INSERT INTO iam_access_keys(id, user_name, secret, status, created_at) VALUES (?,?,?,?,?)",
                key.id(),
                key.userName(),
                envelope.sealString(key.secret(), context(key.id())),
                key.status(),
                key.created().toEpochMilli()));
    }

    public Optional<AccessKey> key(String id) {
        return db.read(c -> keys(c, "WHERE id = ?", id).stream().findFirst());
    }

    public List<AccessKey> keys(String userName) {
        return db.read(c -> keys(c, "WHERE user_name = ? ORDER BY created_at, id", userName));
    }

    public boolean deleteKey(String userName, String id) {
        return db.write(
                c -> Sql.update(c, "DELETE FROM iam_access_keys WHERE id = ? AND user_name = ?", id, userName) == 1);
    }

    private List<AccessKey> keys(Connection c, String where, Object... args) throws SQLException {
        List<AccessKey> out = new ArrayList<>();
        try (PreparedStatement ps = Sql.bind(
                        c, "SELECT id, user_name, secret, status, created_at FROM iam_access_keys " + where, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                out.add(new AccessKey(
                        id,
                        rs.getString(2),
                        envelope.openString(rs.getBytes(3), context(id)),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
        return out;
    }

    // --- roles

    /** False if a role of that name (any case) exists. */
    public boolean insertRole(IamRole role) {
        return db.write(c -> Sql.update(
                        c,
                        "INSERT OR IGNORE INTO iam_roles(name, arn, body) VALUES (?,?,?)",
                        role.name(),
                        role.arn(),
                        StoreJson.write(role))
                == 1);
    }

    public void updateRole(IamRole role) {
        db.write(
                c -> Sql.update(c, "UPDATE iam_roles SET body = ? WHERE name = ?", StoreJson.write(role), role.name()));
    }

    public Optional<IamRole> role(String name) {
        return db.read(c -> Sql.body(c, IamRole.class, "SELECT body FROM iam_roles WHERE name = ?", name));
    }

    public List<IamRole> roles() {
        return db.read(c -> Sql.bodies(c, IamRole.class, "SELECT body FROM iam_roles ORDER BY name"));
    }

    public boolean deleteRole(String name) {
        return db.write(c -> Sql.update(c, "DELETE FROM iam_roles WHERE name = ?", name) == 1);
    }

    // --- inline policies (owner: a user's or a role's ARN)

    public void putInline(String ownerArn, String name, String document) {
        db.write(c -> Sql.update(
                c,
                "INSERT OR REPLACE INTO iam_inline_policies(owner_arn, name, document) VALUES (?,?,?)",
                ownerArn,
                name,
                document));
    }

    public Optional<String> inline(String ownerArn, String name) {
        return db.read(c -> Sql.string(
                c, "SELECT document FROM iam_inline_policies WHERE owner_arn = ? AND name = ?", ownerArn, name));
    }

    public List<String> inlineNames(String ownerArn) {
        return db.read(c ->
                Sql.strings(c, "SELECT name FROM iam_inline_policies WHERE owner_arn = ? ORDER BY name", ownerArn));
    }

    public List<String> inlineDocuments(String ownerArn) {
        return db.read(c ->
                Sql.strings(c, "SELECT document FROM iam_inline_policies WHERE owner_arn = ? ORDER BY name", ownerArn));
    }

    public boolean deleteInline(String ownerArn, String name) {
        return db.write(c ->
                Sql.update(c, "DELETE FROM iam_inline_policies WHERE owner_arn = ? AND name = ?", ownerArn, name) == 1);
    }

    // --- customer-managed policies and attachments

    /** False if a policy of that name exists. */
    public boolean insertPolicy(ManagedPolicy policy) {
        return db.write(c -> Sql.update(
                        c,
                        "INSERT OR IGNORE INTO iam_policies(arn, name, body) VALUES (?,?,?)",
                        policy.arn(),
                        policy.name(),
                        StoreJson.write(policy))
                == 1);
    }

    public Optional<ManagedPolicy> policy(String arn) {
        return db.read(c -> Sql.body(c, ManagedPolicy.class, "SELECT body FROM iam_policies WHERE arn = ?", arn));
    }

    public List<ManagedPolicy> policies() {
        return db.read(c -> Sql.bodies(c, ManagedPolicy.class, "SELECT body FROM iam_policies ORDER BY name"));
    }

    public boolean deletePolicy(String arn) {
        return db.write(c -> Sql.update(c, "DELETE FROM iam_policies WHERE arn = ?", arn) == 1);
    }

    /** False if already attached. */
    public boolean attach(String ownerArn, String policyArn) {
        return db.write(c -> Sql.update(
                        c,
                        "INSERT OR IGNORE INTO iam_attachments(owner_arn, policy_arn) VALUES (?,?)",
                        ownerArn,
                        policyArn)
                == 1);
    }

    public boolean detach(String ownerArn, String policyArn) {
        return db.write(c ->
                Sql.update(c, "DELETE FROM iam_attachments WHERE owner_arn = ? AND policy_arn = ?", ownerArn, policyArn)
                        == 1);
    }

    /** The policy ARNs attached to a user or role, in ARN order. */
    public List<String> attached(String ownerArn) {
        return db.read(c -> Sql.strings(
                c, "SELECT policy_arn FROM iam_attachments WHERE owner_arn = ? ORDER BY policy_arn", ownerArn));
    }

    /** How many users and roles a policy is attached to. */
    public long attachmentCount(String policyArn) {
        return db.read(c -> Sql.count(c, "SELECT count(*) FROM iam_attachments WHERE policy_arn = ?", policyArn));
    }

    /** What still hangs on a user or role: access keys (users), inline policies, attached policies. */
    public record Dependents(long accessKeys, long inlinePolicies, long attachedPolicies) {
        public boolean none() {
            return accessKeys == 0 && inlinePolicies == 0 && attachedPolicies == 0;
        }
    }

    public Dependents dependents(String ownerArn, Optional<String> userName) {
        return db.read(c -> new Dependents(
                userName.isEmpty()
                        ? 0
                        : Sql.count(c, "SELECT count(*) FROM iam_access_keys WHERE user_name = ?", userName.get()),
                Sql.count(c, "SELECT count(*) FROM iam_inline_policies WHERE owner_arn = ?", ownerArn),
                Sql.count(c, "SELECT count(*) FROM iam_attachments WHERE owner_arn = ?", ownerArn)));
    }
}
