package dev.gantry.store.ssm;

import dev.gantry.core.ssm.ParameterLabels;
import dev.gantry.core.ssm.ParameterNames;
import dev.gantry.core.ssm.ParameterRef;
import dev.gantry.core.ssm.ParameterTag;
import dev.gantry.core.ssm.ParameterTier;
import dev.gantry.core.ssm.ParameterType;
import dev.gantry.core.ssm.ParameterValue;
import dev.gantry.core.ssm.ParameterVersion;
import dev.gantry.core.ssm.PutParameter;
import dev.gantry.core.ssm.PutRules;
import dev.gantry.core.ssm.SsmError;
import dev.gantry.core.ssm.SsmMessages;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSM parameters, their versions, labels and tags. The one writer of the ssm_* tables (PutParameter, the deletes,
 * LabelParameterVersion, the tag calls). A SecureString's value is sealed before it is written (context
 * {@code ARN#version}) and opened only by {@link #reveal}; {@link #ciphertext} is the opaque, stable text a read
 * without decryption shows instead. Nothing here logs or throws a value.
 */
public final class ParameterStore implements ParameterValues {
    private static final Logger LOG = LoggerFactory.getLogger(ParameterStore.class);
    /** Standard parameters per account and region, as AWS limits them. */
    public static final int MAX_STANDARD_PARAMETERS = 10_000;

    /** What PutParameter answers. */
    public record PutResult(long version, ParameterTier tier) {}

    /** What LabelParameterVersion answers: the version labelled and the labels refused. */
    public record LabelResult(long version, List<String> invalidLabels) {
        public LabelResult {
            invalidLabels = List.copyOf(invalidLabels);
        }
    }

    private final Database db;
    private final Envelope envelope;
    private final String region;
    private final String account;
    private final InstantSource clock;
    private final int maxStandard;

    public ParameterStore(Database db, Envelope envelope, String region, String account, InstantSource clock) {
        this(db, envelope, region, account, clock, MAX_STANDARD_PARAMETERS);
    }

    ParameterStore(
            Database db, Envelope envelope, String region, String account, InstantSource clock, int maxStandard) {
        this.db = Objects.requireNonNull(db, "db");
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.region = region;
        this.account = account;
        this.clock = clock;
        this.maxStandard = maxStandard;
    }

    public String arn(String name) {
        return ParameterNames.arn(region, account, name);
    }

    public String arnPrefix() {
        return ParameterNames.arnPrefix(region, account);
    }

    /** PutParameter: the next version per {@link PutRules}, written with the parameter's tags in one transaction. */
    public PutResult put(PutParameter request) {
        PutResult result = db.write(c -> {
            Optional<ParameterVersion> latest = latest(c, request.name());
            PutRules.Draft d = PutRules.decide(request, latest);
            if (latest.isEmpty()
                    && d.tier() == ParameterTier.STANDARD
                    && ParameterSql.count(c, "SELECT count(*) FROM ssm_parameters WHERE tier = 'Standard'")
                            >= maxStandard) {
                throw SsmError.PARAMETER_LIMIT_EXCEEDED.error(SsmMessages.LIMIT_EXCEEDED);
            }
            if (latest.isPresent()) {
                dropOldestIfFull(c, request.name());
                ParameterSql.update(
                        c,
                        "UPDATE ssm_parameters SET latest = ?, tier = ? WHERE name = ?",
                        d.version(),
                        d.tier().wireName(),
                        d.name());
            } else {
                ParameterSql.update(
                        c,
                        "INSERT INTO ssm_parameters(name, latest, tier) VALUES (?,?,?)",
                        d.name(),
                        d.version(),
                        d.tier().wireName());
            }
            boolean secure = d.type() == ParameterType.SECURE_STRING;
            byte[] sealed = secure ? envelope.sealString(d.value(), context(d.name(), d.version())) : null;
            ParameterVersion stored = new ParameterVersion(
                    d.name(),
                    d.version(),
                    d.type(),
                    secure ? new ParameterValue.Sealed(sealed) : new ParameterValue.Plain(d.value()),
                    d.keyId(),
                    d.tier(),
                    d.dataType(),
                    d.description(),
                    d.allowedPattern(),
                    clock.instant(),
                    request.principal(),
                    List.of());
            ParameterSql.insertVersion(c, stored, secure ? null : d.value(), sealed);
            for (ParameterTag t : request.tags()) {
                ParameterSql.update(
                        c,
                        "INSERT OR REPLACE INTO ssm_tags(name, key, value) VALUES (?,?,?)",
                        d.name(),
                        t.key(),
                        t.value());
            }
            return new PutResult(d.version(), d.tier());
        });
        LOG.atInfo()
                .addKeyValue("parameter", request.name())
                .addKeyValue("version", result.version())
                .log("parameter version written");
        return result;
    }

    private void dropOldestIfFull(Connection c, String name) throws SQLException {
        long count = ParameterSql.count(c, "SELECT count(*) FROM ssm_parameter_versions WHERE name = ?", name);
        List<ParameterVersion> all = ParameterSql.history(c, name);
        if (!all.isEmpty() && PutRules.dropsOldest(count, all.getFirst())) {
            ParameterSql.update(
                    c,
                    "DELETE FROM ssm_parameter_versions WHERE name = ? AND version = ?",
                    name,
                    all.getFirst().version());
        }
    }

    private static Optional<ParameterVersion> latest(Connection c, String name) throws SQLException {
        Optional<Long> latest = ParameterSql.latest(c, name);
        return latest.isEmpty() ? Optional.empty() : ParameterSql.version(c, name, latest.get());
    }

    /** The latest version of {@code name}. */
    public Optional<ParameterVersion> latest(String name) {
        return db.read(c -> latest(c, name));
    }

    /** The version a reference selects; empty when the parameter, the version or the label does not exist. */
    public Optional<ParameterVersion> find(ParameterRef ref) {
        return db.read(c -> {
            for (String name : ref.names()) {
                Optional<ParameterVersion> found = select(c, name, ref);
                if (found.isPresent() || ParameterSql.latest(c, name).isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        });
    }

    /** As {@link #find}, but the error GetParameter answers when nothing is found. */
    public ParameterVersion get(ParameterRef ref) {
        return db.read(c -> {
            for (String name : ref.names()) {
                if (ParameterSql.latest(c, name).isPresent()) {
                    return select(c, name, ref).orElseThrow(() -> switch (ref.selector()
                            .orElseThrow()) {
                        case ParameterRef.Selector.Version v ->
                            SsmError.PARAMETER_VERSION_NOT_FOUND.error(
                                    SsmMessages.versionNotFound(name, Long.toString(v.number())));
                        case ParameterRef.Selector.Label l ->
                            SsmError.PARAMETER_NOT_FOUND.error(SsmMessages.notFound(name + ":" + l.label()));
                    });
                }
            }
            throw SsmError.PARAMETER_NOT_FOUND.error(SsmMessages.notFound(ref.text()));
        });
    }

    private static Optional<ParameterVersion> select(Connection c, String name, ParameterRef ref) throws SQLException {
        if (ref.selector().isEmpty()) {
            return latest(c, name);
        }
        return switch (ref.selector().get()) {
            case ParameterRef.Selector.Version v -> ParameterSql.version(c, name, v.number());
            case ParameterRef.Selector.Label l ->
                ParameterSql.history(c, name).stream()
                        .filter(x -> x.labels().contains(l.label()))
                        .findFirst();
        };
    }

    /** Every kept version of {@code name}, oldest first, each with its labels; ParameterNotFound if none. */
    public List<ParameterVersion> history(ParameterRef ref) {
        return db.read(c -> {
            for (String name : ref.names()) {
                List<ParameterVersion> all = ParameterSql.history(c, name);
                if (!all.isEmpty()) {
                    return all;
                }
            }
            throw SsmError.PARAMETER_NOT_FOUND.error(SsmMessages.notFound(ref.text()));
        });
    }

    /** Every parameter whose name starts with {@code prefix} ("" for all), in name order, with its tags. */
    public List<Listed> list(String prefix) {
        return db.read(c -> {
            Map<String, Map<String, String>> tags = ParameterSql.allTags(c);
            List<Listed> out = new ArrayList<>();
            for (ParameterVersion v : ParameterSql.latestAll(c, prefix)) {
                out.add(new Listed(v, tags.getOrDefault(v.name(), Map.of())));
            }
            return out;
        });
    }

    /** Deletes a parameter with its versions, labels and tags; false if there was none. */
    public boolean delete(String name) {
        boolean deleted = db.write(c -> ParameterSql.update(c, "DELETE FROM ssm_parameters WHERE name = ?", name) > 0);
        if (deleted) {
            LOG.atInfo().addKeyValue("parameter", name).log("parameter deleted");
        }
        return deleted;
    }

    /**
     * LabelParameterVersion: moves each valid label to the version (latest if none given); labels breaking
     * {@link ParameterLabels} are returned, not applied. More than {@value ParameterLabels#MAX_PER_VERSION} labels on
     * the version is ParameterVersionLabelLimitExceeded, and nothing changes.
     */
    public LabelResult label(String name, Optional<Long> version, List<String> labels) {
        labels.forEach(ParameterLabels::checkLength);
        return db.write(c -> {
            long latest = ParameterSql.latest(c, name)
                    .orElseThrow(() -> SsmError.PARAMETER_NOT_FOUND.error(SsmMessages.notFound(name)));
            long target = version.orElse(latest);
            ParameterVersion v = ParameterSql.version(c, name, target)
                    .orElseThrow(() -> SsmError.PARAMETER_VERSION_NOT_FOUND.error(
                            SsmMessages.versionNotFound(name, Long.toString(target))));
            List<String> invalid = new ArrayList<>();
            List<String> applied = new ArrayList<>(v.labels());
            for (String label : labels) {
                if (!ParameterLabels.valid(label)) {
                    invalid.add(label);
                } else if (!applied.contains(label)) {
                    applied.add(label);
                }
            }
            if (applied.size() > ParameterLabels.MAX_PER_VERSION) {
                throw SsmError.PARAMETER_VERSION_LABEL_LIMIT_EXCEEDED.error(SsmMessages.LABEL_LIMIT);
            }
            for (String label : applied) {
                ParameterSql.update(
                        c,
                        "INSERT OR REPLACE INTO ssm_labels(name, label, version) VALUES (?,?,?)",
                        name,
                        label,
                        target);
            }
            return new LabelResult(target, invalid);
        });
    }

    /**
     * UnlabelParameterVersion: removes the labels that are on {@code version}; the others are returned (as AWS
     * returns them in InvalidLabels).
     */
    public LabelResult unlabel(String name, long version, List<String> labels) {
        labels.forEach(ParameterLabels::checkLength);
        return db.write(c -> {
            ParameterSql.latest(c, name)
                    .orElseThrow(() -> SsmError.PARAMETER_NOT_FOUND.error(SsmMessages.notFound(name)));
            ParameterVersion v = ParameterSql.version(c, name, version)
                    .orElseThrow(() -> SsmError.PARAMETER_VERSION_NOT_FOUND.error(
                            SsmMessages.versionNotFound(name, Long.toString(version))));
            List<String> notThere = new ArrayList<>();
            for (String label : labels) {
                if (v.labels().contains(label)) {
                    ParameterSql.update(c, "DELETE FROM ssm_labels WHERE name = ? AND label = ?", name, label);
                } else if (!notThere.contains(label)) {
                    notThere.add(label);
                }
            }
            return new LabelResult(version, notThere);
        });
    }

    /** The parameter's tags by key; InvalidResourceId if there is no such parameter. */
    public Map<String, String> tags(String name) {
        return db.read(c -> {
            requireResource(c, name);
            return ParameterSql.tags(c, name);
        });
    }

    /** Adds or replaces tags; TooManyTagsError past 50 on the parameter. */
    public void addTags(String name, Collection<ParameterTag> tags) {
        db.write(c -> {
            requireResource(c, name);
            for (ParameterTag t : tags) {
                ParameterSql.update(
                        c,
                        "INSERT OR REPLACE INTO ssm_tags(name, key, value) VALUES (?,?,?)",
                        name,
                        t.key(),
                        t.value());
            }
            if (ParameterSql.count(c, "SELECT count(*) FROM ssm_tags WHERE name = ?", name)
                    > ParameterTag.MAX_PER_RESOURCE) {
                throw SsmError.TOO_MANY_TAGS.error("A parameter can have at most " + ParameterTag.MAX_PER_RESOURCE
                        + " tags; remove some with RemoveTagsFromResource.");
            }
            return null;
        });
    }

    public void removeTags(String name, Collection<String> keys) {
        db.write(c -> {
            requireResource(c, name);
            for (String k : keys) {
                ParameterSql.update(c, "DELETE FROM ssm_tags WHERE name = ? AND key = ?", name, k);
            }
            return null;
        });
    }

    private static void requireResource(Connection c, String name) throws SQLException {
        if (ParameterSql.latest(c, name).isEmpty()) {
            throw SsmError.INVALID_RESOURCE_ID.error(
                    "The resource ID \"" + name + "\" is not valid. Verify the ID" + " and try again.");
        }
    }

    /** The plaintext of a version's value (a SecureString's opened). */
    public String reveal(ParameterVersion v) {
        return switch (v.value()) {
            case ParameterValue.Plain p -> p.text();
            case ParameterValue.Sealed s -> envelope.openString(s.bytes(), context(v.name(), v.version()));
        };
    }

    /** What a read without decryption shows: a String's text, a SecureString's sealed bytes in base64. */
    public String ciphertext(ParameterVersion v) {
        return switch (v.value()) {
            case ParameterValue.Plain p -> p.text();
            case ParameterValue.Sealed s -> Base64.getEncoder().encodeToString(s.bytes());
        };
    }

    private String context(String name, long version) {
        return arn(name) + "#" + version;
    }

    @Override
    public Optional<String> value(String reference) {
        return ParameterRef.parse(reference, region, account)
                .flatMap(this::find)
                .map(this::reveal);
    }
}
