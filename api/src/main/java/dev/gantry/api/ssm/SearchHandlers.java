package dev.gantry.api.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.ssm.ParameterFilter;
import dev.gantry.core.ssm.ParameterFilters;
import dev.gantry.core.ssm.ParameterNames;
import dev.gantry.core.ssm.ParameterRef;
import dev.gantry.core.ssm.ParameterVersion;
import dev.gantry.core.ssm.SsmError;
import dev.gantry.core.ssm.SsmMessages;
import dev.gantry.store.Page;
import dev.gantry.store.ssm.Listed;
import dev.gantry.store.ssm.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** GetParametersByPath, DescribeParameters, GetParameterHistory: filtered, paginated reads. */
final class SearchHandlers {
    static final int BY_PATH_MAX = 10;
    static final int DESCRIBE_MAX = 50;
    static final int DESCRIBE_DEFAULT = 10;
    static final int HISTORY_MAX = 50;

    private final ParameterStore store;
    private final SsmViews views;
    private final String region;
    private final String account;

    SearchHandlers(ParameterStore store, SsmViews views, String region, String account) {
        this.store = store;
        this.views = views;
        this.region = region;
        this.account = account;
    }

    JsonNode byPath(JsonNode body) {
        SsmInput in = new SsmInput(body);
        String path = ParameterNames.checkPath(in.required("Path"));
        boolean recursive = in.bool("Recursive");
        boolean decrypt = in.bool("WithDecryption");
        List<ParameterFilter> filters = filters(in, "ParameterFilters");
        ParameterFilters.check(filters, ParameterFilters.Use.BY_PATH);
        int max = in.whole("MaxResults", 1, BY_PATH_MAX)
                .orElse((long) BY_PATH_MAX)
                .intValue();
        long offset = in.offset();
        Optional<ParameterFilter> label =
                filters.stream().filter(f -> f.key().equals("Label")).findFirst();
        List<ParameterVersion> matching = new ArrayList<>();
        for (Listed p : store.list(path.equals("/") ? "/" : path + "/")) {
            if (!ParameterNames.under(p.latest().name(), path, recursive)) {
                continue;
            }
            Optional<ParameterVersion> v = label.isEmpty()
                    ? Optional.of(p.latest())
                    : labelled(p.latest().name(), label.get().values());
            v.filter(x -> ParameterFilters.matches(filters, x, p.tags())).ifPresent(matching::add);
        }
        return page(matching, offset, max, v -> views.parameter(v, decrypt, Optional.empty()));
    }

    private Optional<ParameterVersion> labelled(String name, List<String> labels) {
        List<ParameterVersion> all =
                store.history(ParameterRef.parse(name, region, account).orElseThrow());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).labels().stream().anyMatch(labels::contains)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    JsonNode describe(JsonNode body) {
        SsmInput in = new SsmInput(body);
        List<ParameterFilter> filters = filters(in, "ParameterFilters");
        List<ParameterFilter> legacy = legacyFilters(in);
        if (!filters.isEmpty() && !legacy.isEmpty()) {
            throw SsmError.VALIDATION.error(SsmMessages.FILTERS_AND_PARAMETER_FILTERS);
        }
        ParameterFilters.check(filters, ParameterFilters.Use.DESCRIBE);
        List<ParameterFilter> all = filters.isEmpty() ? legacy : filters;
        if (in.bool("Shared")) {
            return page(List.of(), 0, 1, views::metadata); // nothing is shared with a Gantry account
        }
        int max = in.whole("MaxResults", 1, DESCRIBE_MAX)
                .orElse((long) DESCRIBE_DEFAULT)
                .intValue();
        long offset = in.offset();
        List<ParameterVersion> matching = store.list("").stream()
                .filter(p -> ParameterFilters.matches(all, p.latest(), p.tags()))
                .map(Listed::latest)
                .toList();
        return page(matching, offset, max, views::metadata);
    }

    /** The deprecated Filters (Name begins with, Type and KeyId equal), as ParameterFilters. */
    private static List<ParameterFilter> legacyFilters(SsmInput in) {
        List<ParameterFilter> out = new ArrayList<>();
        for (JsonNode f : in.list("Filters")) {
            SsmInput filter = new SsmInput(f);
            String key = filter.required("Key");
            if (!List.of("Name", "Type", "KeyId").contains(key)) {
                throw SsmError.invalid(
                        key, "filters.member.key", "Member must satisfy enum value set: [Name, Type, KeyId]");
            }
            List<String> values = filter.strings("Values", 1, 50, true);
            out.add(new ParameterFilter(key, Optional.of(key.equals("Name") ? "BeginsWith" : "Equals"), values));
        }
        ParameterFilters.check(out, ParameterFilters.Use.DESCRIBE);
        return out;
    }

    JsonNode history(JsonNode body) {
        SsmInput in = new SsmInput(body);
        String reference = in.required("Name");
        boolean decrypt = in.bool("WithDecryption");
        int max = in.whole("MaxResults", 1, HISTORY_MAX)
                .orElse((long) HISTORY_MAX)
                .intValue();
        long offset = in.offset();
        ParameterRef ref = ParameterRef.parse(reference, region, account)
                .filter(r -> r.selector().isEmpty())
                .orElseThrow(() -> SsmError.PARAMETER_NOT_FOUND.error(SsmMessages.notFound(reference)));
        ParameterNames.checkExisting(ref.name());
        return page(store.history(ref), offset, max, v -> views.history(v, decrypt));
    }

    private static List<ParameterFilter> filters(SsmInput in, String member) {
        List<ParameterFilter> out = new ArrayList<>();
        for (JsonNode f : in.list(member)) {
            SsmInput filter = new SsmInput(f);
            out.add(new ParameterFilter(
                    filter.required("Key"), filter.string("Option"), filter.strings("Values", 0, 50, false)));
        }
        return out;
    }

    private static ObjectNode page(
            List<ParameterVersion> items, long offset, int max, Function<ParameterVersion, ObjectNode> view) {
        ObjectNode out = SsmViews.object();
        ArrayNode list = out.putArray("Parameters");
        int from = (int) Math.min(offset, items.size());
        int to = Math.min(items.size(), from + max);
        items.subList(from, to).forEach(v -> list.add(view.apply(v)));
        if (to < items.size()) {
            out.put("NextToken", Page.token(to));
        }
        return out;
    }
}
