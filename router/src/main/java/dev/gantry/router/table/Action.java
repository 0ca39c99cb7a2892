package dev.gantry.router.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a listener does with a request once a rule (or its default) matched: ALB's three action types. */
public sealed interface Action {

    /** Forward to one or more target groups, split by weight (0-999) request by request. */
    record Forward(List<WeightedGroup> groups) implements Action {
        public Forward {
            groups = List.copyOf(groups);
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("a forward action needs at least one target group");
            }
            if (groups.stream().mapToInt(WeightedGroup::weight).sum() == 0) {
                throw new IllegalArgumentException("a forward action needs a target group with a weight above 0");
            }
            if (groups.stream().map(WeightedGroup::targetGroupId).distinct().count() != groups.size()) {
                throw new IllegalArgumentException("a forward action lists a target group twice");
            }
        }

        /** Forward everything to one group. */
        public static Forward to(String targetGroupId) {
            return new Forward(List.of(new WeightedGroup(targetGroupId, 1)));
        }
    }

    /** A target group and its share of a forward action. */
    record WeightedGroup(String targetGroupId, int weight) {
        public WeightedGroup {
            Objects.requireNonNull(targetGroupId, "targetGroupId");
            if (weight < 0 || weight > 999) {
                throw new IllegalArgumentException("target group weight must be 0-999, was " + weight);
            }
        }
    }

    /** Answer directly: status 200-599, an optional content type and body. */
    record FixedResponse(int statusCode, Optional<String> contentType, Optional<String> body) implements Action {
        public FixedResponse {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            if (statusCode < 200 || statusCode > 599) {
                throw new IllegalArgumentException("fixed-response status must be 200-599, was " + statusCode);
            }
        }
    }

    /**
     * Redirect with ALB's placeholders ({@code #{protocol}}, {@code #{host}}, {@code #{port}}, {@code #{path}},
     * {@code #{query}}); each part defaults to its own placeholder, so an empty part keeps the request's value.
     * {@code statusCode} is 301 or 302.
     */
    record Redirect(
            Optional<String> protocol,
            Optional<String> host,
            Optional<String> port,
            Optional<String> path,
            Optional<String> query,
            int statusCode)
            implements Action {
        public Redirect {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(query, "query");
            if (statusCode != 301 && statusCode != 302) {
                throw new IllegalArgumentException("redirect status must be 301 or 302, was " + statusCode);
            }
            if (path.isPresent() && !path.get().startsWith("/")) {
                throw new IllegalArgumentException("redirect path must start with /, was '" + path.get() + "'");
            }
        }
    }
}
