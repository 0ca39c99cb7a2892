package dev.gantry.store.logs;

import java.util.List;

/** A GetLogEvents page: events in time order and the tokens for the pages after and before it. */
public record EventPage(List<StoredEvent> events, String nextForwardToken, String nextBackwardToken) {
    public EventPage {
        events = List.copyOf(events);
    }
}
