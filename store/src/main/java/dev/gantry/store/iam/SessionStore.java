package dev.gantry.store.iam;

import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.sqlite.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * STS sessions by access key id; expired ones stay until {@link #purgeExpired} so a late caller hears "expired". The
 * secret and the token are sealed with the {@link Envelope} (bound to the key id).
 */
public final class SessionStore {
    private final Database db;
    private final Envelope envelope;

    public SessionStore(Database db, Envelope envelope) {
        this.db = db;
        this.envelope = envelope;
    }

    private static String secretContext(String accessKeyId) {
        return "sts:session-secret:" + accessKeyId;
    }

    private static String tokenContext(String accessKeyId) {
        return "sts:session-token:" + accessKeyId;
    }

    public void insert(StoredSession s) {
        db.write(c -> Sql.update(
                c,
                "INSERT INTO iam_sessions(access_key_id, secret, token, role_arn, session_arn, session_policy,"
                        + " expires_at, role_id) VALUES (?,?,?,?,?,?,?,?)",
                s.accessKeyId(),
                envelope.sealString(s.secret(), secretContext(s.accessKeyId())),
                envelope.sealString(s.token(), tokenContext(s.accessKeyId())),
                s.roleArn(),
                s.sessionArn(),
                s.sessionPolicy().orElse(null),
                s.expiration().toEpochMilli(),
                s.roleId()));
    }

    public Optional<StoredSession> find(String accessKeyId) {
        return db.read(c -> {
            try (PreparedStatement ps = Sql.bind(
                            c,
                            "SELECT access_key_id, secret, token, role_arn, session_arn, session_policy, expires_at,"
                                    + " role_id"
                                    + " FROM iam_sessions WHERE access_key_id = ?",
                            accessKeyId);
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                return Optional.of(new StoredSession(
                        id,
                        envelope.openString(rs.getBytes(2), secretContext(id)),
                        envelope.openString(rs.getBytes(3), tokenContext(id)),
                        rs.getString(4),
                        rs.getString(8),
                        rs.getString(5),
                        Optional.ofNullable(rs.getString(6)),
                        Instant.ofEpochMilli(rs.getLong(7))));
            }
        });
    }

    /** Ends a session now (tests, and a role's deletion). */
    public void expire(String accessKeyId, Instant at) {
        db.write(c -> Sql.update(
                c, "UPDATE iam_sessions SET expires_at = ? WHERE access_key_id = ?", at.toEpochMilli(), accessKeyId));
    }

    /** Removes sessions that ended before {@code before}; returns how many. */
    public int purgeExpired(Instant before) {
        return db.write(c -> Sql.update(c, "DELETE FROM iam_sessions WHERE expires_at < ?", before.toEpochMilli()));
    }
}
