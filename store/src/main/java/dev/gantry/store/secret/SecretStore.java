package dev.gantry.store.secret;

import dev.gantry.core.secret.Rotation;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretMessages;
import dev.gantry.core.secret.SecretNames;
import dev.gantry.core.secret.SecretTag;
import dev.gantry.core.secret.SecretValue;
import dev.gantry.core.secret.SecretVersion;
import dev.gantry.core.secret.VersionStages;
import dev.gantry.store.StoreJson;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Secrets, their versions, staging labels and tags. A change is read-decide-write: the caller reads a
 * {@link Secret}, core's rules compute the next one, and {@link #save} writes it only if nobody changed the secret
 * meanwhile (compare-and-set on {@code revision}; the caller retries on {@code false}). Values are sealed with the
 * {@link Envelope} before they are written and opened only on the way out; no method logs or throws a value.
 */
public final class SecretStore implements SecretValues {
    static final String STRING = "string";
    static final String BINARY = "binary";

    private final Database db;
    private final Envelope envelope;

    public SecretStore(Database db, Envelope envelope) {
        this.db = db;
        this.envelope = envelope;
    }

    /** The secret a SecretId (name, full or partial ARN) names, deleted or not. */
    public Optional<Secret> find(String secretId) {
        return db.read(c -> find(c, secretId));
    }

    /** Every secret (scheduled for deletion too), oldest first. */
    public List<Secret> all() {
        return db.read(c -> load(c, "", List.of()));
    }

    /**
     * Inserts a new secret with its first version, if any. A taken name is ResourceExistsException, or
     * InvalidRequestException when the secret holding it is scheduled for deletion.
     */
    public void create(Secret secret, Optional<NewVersion> first) {
        db.write(c -> {
            Optional<Secret> existing =
                    load(c, "WHERE name = ?", List.of(secret.name())).stream().findFirst();
            if (existing.isPresent()) {
                throw existing.get().scheduledForDeletion()
                        ? SecretMessages.invalidRequest(SecretMessages.NAME_SCHEDULED_FOR_DELETION)
                        : SecretMessages.alreadyExists(secret.name());
            }
            update(
                    c,
                    "INSERT INTO secrets(arn, name, description, kms_key_id, created_at, last_changed_at,"
                            + " deleted_at, delete_after, rotation, revision) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    secret.arn(),
                    secret.name(),
                    secret.description().orElse(null),
                    secret.kmsKeyId().orElse(null),
                    millis(secret.createdAt()),
                    millis(secret.lastChangedAt()),
                    secret.deletedAt().map(SecretStore::millis).orElse(null),
                    secret.deleteAfter().map(SecretStore::millis).orElse(null),
                    StoreJson.write(secret.rotation()),
                    secret.revision());
            writeChildren(c, secret, first);
            return null;
        });
    }

    /**
     * Writes {@code after} (and {@code value}, a new version that {@code after} lists) if the stored secret is still
     * at {@code before}'s revision; false if it changed meanwhile (read again and retry).
     */
    public boolean save(Secret before, Secret after, Optional<NewVersion> value) {
        return db.write(c -> {
            int n = update(
                    c,
                    "UPDATE secrets SET description = ?, kms_key_id = ?, last_changed_at = ?,"
                            + " deleted_at = ?, delete_after = ?, rotation = ?, revision = revision + 1"
                            + " WHERE arn = ? AND revision = ?",
                    after.description().orElse(null),
                    after.kmsKeyId().orElse(null),
                    millis(after.lastChangedAt()),
                    after.deletedAt().map(SecretStore::millis).orElse(null),
                    after.deleteAfter().map(SecretStore::millis).orElse(null),
                    StoreJson.write(after.rotation()),
                    before.arn(),
                    before.revision());
            if (n == 0) {
                return false;
            }
            update(c, "DELETE FROM secret_stages WHERE secret_arn = ?", after.arn());
            update(c, "DELETE FROM secret_tags WHERE secret_arn = ?", after.arn());
            Set<String> kept = new TreeSet<>();
            after.versions().forEach(v -> kept.add(v.versionId()));
            for (SecretVersion v : before.versions()) {
                if (!kept.contains(v.versionId())) {
                    update(
                            c,
                            "DELETE FROM secret_versions WHERE secret_arn = ? AND version_id = ?",
                            after.arn(),
                            v.versionId());
                }
            }
            writeChildren(c, after, value);
            return true;
        });
    }

    /** Removes a secret and everything it holds at once (ForceDeleteWithoutRecovery). */
    public void remove(String arn) {
        db.write(c -> update(c, "DELETE FROM secrets WHERE arn = ?", arn));
    }

    /** Removes the secrets whose recovery window ended by {@code now}; returns their ARNs. */
    public List<String> purgeDeleted(Instant now) {
        return db.write(c -> {
            List<String> arns = new ArrayList<>();
            try (PreparedStatement ps = bind(c, "SELECT arn FROM secrets WHERE delete_after <= ?", millis(now));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    arns.add(rs.getString(1));
                }
            }
            for (String arn : arns) {
                update(c, "DELETE FROM secrets WHERE arn = ?", arn);
            }
            return arns;
        });
    }

    /** The plaintext of one stored version; empty if the version is gone. */
    public Optional<SecretValue> value(String arn, String versionId) {
        return db.read(c -> {
            try (PreparedStatement ps = bind(
                            c,
                            "SELECT kind, sealed FROM secret_versions WHERE secret_arn = ? AND" + " version_id = ?",
                            arn,
                            versionId);
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(open(rs.getString(1), rs.getBytes(2), arn, versionId));
            }
        });
    }

    @Override
    public Optional<SecretValue> current(
            String secretIdOrArn, Optional<String> versionStage, Optional<String> versionId) {
        Optional<Secret> secret = find(secretIdOrArn).filter(s -> !s.scheduledForDeletion());
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<SecretVersion> version = versionId.isPresent()
                ? secret.get()
                        .version(versionId.get())
                        .filter(v -> versionStage.map(v::has).orElse(true))
                : secret.get().staged(versionStage.orElse(VersionStages.CURRENT));
        return version.flatMap(v -> value(secret.get().arn(), v.versionId()));
    }

    private SecretValue open(String kind, byte[] sealed, String arn, String versionId) {
        byte[] plain = envelope.open(sealed, context(arn, versionId));
        return BINARY.equals(kind)
                ? new SecretValue.Binary(plain)
                : new SecretValue.Text(new String(plain, java.nio.charset.StandardCharsets.UTF_8));
    }

    static String context(String arn, String versionId) {
        return arn + "|" + versionId;
    }

    private void writeChildren(Connection c, Secret s, Optional<NewVersion> value) throws SQLException {
        if (value.isPresent()) {
            NewVersion v = value.get();
            SecretVersion listed = s.version(v.versionId())
                    .orElseThrow(() -> new IllegalArgumentException("the new version is not among the secret's"));
            update(
                    c,
                    "INSERT INTO secret_versions(secret_arn, version_id, created_at, kind, sealed)"
                            + " VALUES (?,?,?,?,?)",
                    s.arn(),
                    v.versionId(),
                    millis(listed.createdAt()),
                    v.value() instanceof SecretValue.Binary ? BINARY : STRING,
                    envelope.seal(v.value().bytes(), context(s.arn(), v.versionId())));
        }
        for (SecretVersion v : s.versions()) {
            for (String stage : v.stages()) {
                update(
                        c,
                        "INSERT INTO secret_stages(secret_arn, stage, version_id) VALUES (?,?,?)",
                        s.arn(),
                        stage,
                        v.versionId());
            }
        }
        int position = 0;
        for (SecretTag t : s.tags()) {
            update(
                    c,
                    "INSERT INTO secret_tags(secret_arn, position, key, value) VALUES (?,?,?,?)",
                    s.arn(),
                    position++,
                    t.key(),
                    t.value());
        }
    }

    private static Optional<Secret> find(Connection c, String secretId) throws SQLException {
        List<String> names = SecretNames.candidateNames(secretId);
        String marks = String.join(",", names.stream().map(n -> "?").toList());
        return load(c, "WHERE name IN (" + marks + ")", new ArrayList<>(names)).stream()
                .filter(s -> SecretNames.identifies(secretId, s.name(), s.arn()))
                .findFirst();
    }

    /** Secrets matching {@code where}, with their versions, stages and tags: four queries in all. */
    private static List<Secret> load(Connection c, String where, List<Object> args) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = bind(
                        c,
                        "SELECT arn, name, description, kms_key_id, created_at,"
                                + " last_changed_at, deleted_at, delete_after, rotation, revision FROM secrets " + where
                                + " ORDER BY created_at, name",
                        args.toArray());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), new Row(rs));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        String in = " WHERE secret_arn IN ("
                + String.join(",", rows.keySet().stream().map(a -> "?").toList()) + ")";
        Object[] arns = rows.keySet().toArray();
        Map<String, Map<String, Set<String>>> stages = new HashMap<>();
        try (PreparedStatement ps = bind(c, "SELECT secret_arn, version_id, stage FROM secret_stages" + in, arns);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stages.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new TreeSet<>())
                        .add(rs.getString(3));
            }
        }
        try (PreparedStatement ps =
                        bind(c, "SELECT secret_arn, version_id, created_at FROM secret_versions" + in, arns);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String arn = rs.getString(1);
                String id = rs.getString(2);
                Set<String> s = stages.getOrDefault(arn, Map.of()).getOrDefault(id, Set.of());
                rows.get(arn).versions.add(new SecretVersion(id, s, Instant.ofEpochMilli(rs.getLong(3))));
            }
        }
        try (PreparedStatement ps =
                        bind(c, "SELECT secret_arn, key, value FROM secret_tags" + in + " ORDER BY position", arns);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.get(rs.getString(1)).tags.add(new SecretTag(rs.getString(2), rs.getString(3)));
            }
        }
        return rows.values().stream().map(Row::secret).toList();
    }

    /** One secrets row while its children are read. */
    private static final class Row {
        final String arn;
        final String name;
        final Optional<String> description;
        final Optional<String> kms;
        final Instant created;
        final Instant changed;
        final Optional<Instant> deletedAt;
        final Optional<Instant> deleteAfter;
        final Rotation rotation;
        final long revision;
        final List<SecretVersion> versions = new ArrayList<>();
        final List<SecretTag> tags = new ArrayList<>();

        Row(ResultSet rs) throws SQLException {
            arn = rs.getString(1);
            name = rs.getString(2);
            description = Optional.ofNullable(rs.getString(3));
            kms = Optional.ofNullable(rs.getString(4));
            created = Instant.ofEpochMilli(rs.getLong(5));
            changed = Instant.ofEpochMilli(rs.getLong(6));
            deletedAt = instant(rs, 7);
            deleteAfter = instant(rs, 8);
            rotation = StoreJson.read(rs.getString(9), Rotation.class);
            revision = rs.getLong(10);
        }

        Secret secret() {
            return new Secret(
                    arn,
                    name,
                    description,
                    kms,
                    created,
                    changed,
                    deletedAt,
                    deleteAfter,
                    rotation,
                    tags,
                    versions,
                    revision);
        }

        private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
            long v = rs.getLong(column);
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
        }
    }

    private static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    static long millis(Instant at) {
        return at.toEpochMilli();
    }
}
