package dev.gantry.store.logs;

import java.util.List;
import java.util.Optional;

/** A FilterLogEvents page; the streams were searched completely when there is no next token. */
public record FilteredEvents(List<StoredEvent> events, List<String> searchedStreams, Optional<String> nextToken) {
    public FilteredEvents {
        events = List.copyOf(events);
        searchedStreams = List.copyOf(searchedStreams);
    }
}
