package dev.gantry.store.logs;

import java.util.List;
import java.util.Optional;

/** One page of a describe listing and the opaque token for the next page, if there is one. */
public record LogPage<T>(List<T> items, Optional<String> nextToken) {
    public LogPage {
        items = List.copyOf(items);
    }
}
