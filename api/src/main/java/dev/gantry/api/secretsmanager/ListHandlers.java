package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretErrorKind;
import dev.gantry.core.secret.SecretFilter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** ListSecrets and BatchGetSecretValue: filters, sort order, pages. */
final class ListHandlers {
    static final int MAX_LIST = 100;
    static final int MAX_BATCH = 20;
    private static final String TOKEN_PREFIX = "gantry-secrets:";

    private final SecretsContext ctx;
    private final SecretHandlers secrets;

    ListHandlers(SecretsContext ctx, SecretHandlers secrets) {
        this.ctx = ctx;
        this.secrets = secrets;
    }

    JsonNode list(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        boolean includeDeleted = in.bool("IncludePlannedDeletion").orElse(false);
        int max = in.longValue("MaxResults", 1, MAX_LIST).map(Long::intValue).orElse(MAX_LIST);
        int offset = offset(in.string("NextToken"));
        List<SecretFilter> filters = in.filters();
        boolean descending = in.string("SortOrder")
                .map(o -> switch (o) {
                    case "asc" -> false;
                    case "desc" -> true;
                    default ->
                        throw SecretsInput.invalid(
                                o, "SortOrder", "Member must satisfy enum value set: " + "[asc, desc]");
                })
                .orElse(false);
        Comparator<Secret> order =
                in.string("SortBy").map(ListHandlers::order).orElse(Comparator.comparing(Secret::createdAt));
        List<Secret> all = ctx.store().all().stream()
                .filter(s -> includeDeleted || !s.scheduledForDeletion())
                .filter(s -> SecretFilter.all(filters, s, ctx.region()))
                .sorted((descending ? order.reversed() : order).thenComparing(Secret::arn))
                .toList();
        ObjectNode out = SecretViews.object();
        ArrayNode list = out.putArray("SecretList");
        all.stream().skip(offset).limit(max).forEach(s -> list.add(SecretViews.describe(s, "SecretVersionsToStages")));
        if (offset + max < all.size()) {
            out.put("NextToken", token(offset + max));
        }
        return out;
    }

    private static Comparator<Secret> order(String sortBy) {
        return switch (sortBy) {
            case "created-date", "last-accessed-date" -> Comparator.comparing(Secret::createdAt);
            case "last-changed-date" -> Comparator.comparing(Secret::lastChangedAt);
            case "name" -> Comparator.comparing(Secret::name);
            default ->
                throw SecretsInput.invalid(
                        sortBy,
                        "SortBy",
                        "Member must satisfy enum value set: "
                                + "[created-date, last-accessed-date, last-changed-date, name]");
        };
    }

    JsonNode batchGet(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        List<String> ids = in.strings("SecretIdList");
        List<SecretFilter> filters = in.filters();
        if (ids.isEmpty() == filters.isEmpty()) {
            throw dev.gantry.core.secret.SecretMessages.invalidParameter(
                    "Give either SecretIdList or Filters, not both and not neither.");
        }
        if (ids.size() > MAX_BATCH) {
            throw SecretsInput.invalid(
                    ids.size() + " items",
                    "SecretIdList",
                    "Member must have length less than " + "or equal to " + MAX_BATCH);
        }
        Optional<Long> maxResults = in.longValue("MaxResults", 1, MAX_BATCH);
        if (maxResults.isPresent() && !ids.isEmpty()) {
            throw dev.gantry.core.secret.SecretMessages.invalidParameter(
                    "MaxResults applies to Filters only; remove it when you give SecretIdList.");
        }
        ObjectNode out = SecretViews.object();
        ArrayNode values = out.putArray("SecretValues");
        ArrayNode errors = out.putArray("Errors");
        if (!ids.isEmpty()) {
            for (String id : ids) {
                try {
                    values.add(secrets.valueOf(ctx.live(id), Optional.empty(), Optional.empty()));
                } catch (ApiException e) {
                    errors.addObject()
                            .put("SecretId", id)
                            .put("ErrorCode", e.code().wireName())
                            .put("Message", e.getMessage());
                }
            }
            return out;
        }
        int max = maxResults.map(Long::intValue).orElse(MAX_BATCH);
        int offset = offset(in.string("NextToken"));
        List<Secret> matching = ctx.store().all().stream()
                .filter(s -> !s.scheduledForDeletion())
                .filter(s -> SecretFilter.all(filters, s, ctx.region()))
                .toList();
        for (Secret s : matching.stream().skip(offset).limit(max).toList()) {
            try {
                values.add(secrets.valueOf(s, Optional.empty(), Optional.empty()));
            } catch (ApiException e) {
                errors.addObject()
                        .put("SecretId", s.arn())
                        .put("ErrorCode", e.code().wireName())
                        .put("Message", e.getMessage());
            }
        }
        if (offset + max < matching.size()) {
            out.put("NextToken", token(offset + max));
        }
        return out;
    }

    JsonNode listVersionIds(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        Secret s = ctx.find(in.secretId());
        int max = in.longValue("MaxResults", 1, MAX_LIST).map(Long::intValue).orElse(MAX_LIST);
        int offset = offset(in.string("NextToken"));
        boolean deprecated = in.bool("IncludeDeprecated").orElse(false);
        List<dev.gantry.core.secret.SecretVersion> versions = s.versions().stream()
                .filter(v -> deprecated || !v.stages().isEmpty())
                .sorted(Comparator.comparing(dev.gantry.core.secret.SecretVersion::createdAt)
                        .reversed())
                .toList();
        ObjectNode out = SecretViews.arnAndName(s);
        ArrayNode list = out.putArray("Versions");
        versions.stream().skip(offset).limit(max).forEach(v -> {
            ObjectNode entry = list.addObject();
            entry.put("VersionId", v.versionId());
            SecretViews.stages(entry, v);
            SecretViews.date(entry, "CreatedDate", v.createdAt());
        });
        if (offset + max < versions.size()) {
            out.put("NextToken", token(offset + max));
        }
        return out;
    }

    static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offset(Optional<String> token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (raw.startsWith(TOKEN_PREFIX)) {
                int n = Integer.parseInt(raw.substring(TOKEN_PREFIX.length()));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new ApiException(
                SecretErrorKind.INVALID_NEXT_TOKEN,
                "The NextToken value is not one Secrets Manager returned; pass the NextToken of the previous page "
                        + "as is, or omit it to start over.");
    }
}
