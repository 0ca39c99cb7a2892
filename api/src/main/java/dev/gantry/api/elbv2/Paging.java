package dev.gantry.api.elbv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.store.Page;
import java.util.List;
import java.util.function.Function;

/** ELBv2's {@code Marker}/{@code PageSize} paging (at most 400 per page) over a listing already read. */
final class Paging {
    static final int MAX = 400;
    static final String BAD_MARKER = "The marker '%s' is not valid: pass the NextMarker of the previous response.";

    private Paging() {}

    static <T> void page(In in, ObjectNode out, String member, List<T> all, Function<T, ObjectNode> view) {
        int size = in.integer("PageSize").orElse(MAX);
        long offset = in.text("Marker")
                .map(m -> Page.offset(m).orElseThrow(() -> ApiException.invalidParameter(String.format(BAD_MARKER, m))))
                .orElse(0L);
        ArrayNode items = out.putArray(member);
        int from = (int) Math.min(offset, all.size());
        int to = Math.min(all.size(), from + size);
        all.subList(from, to).forEach(t -> items.add(view.apply(t)));
        if (to < all.size()) {
            out.put("NextMarker", Page.token(to));
        }
    }
}
