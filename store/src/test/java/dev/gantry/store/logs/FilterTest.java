package dev.gantry.store.logs;

import static dev.gantry.store.logs.GroupsAndStreamsTest.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.logs.FilterPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilterTest extends LogStoreFixture {

    @BeforeEach
    void streams() {
        store.createGroup("g");
        for (String s : new String[] {"app/1", "app/2", "db/1"}) {
            store.createStream("g", s);
        }
        // Interleaved in time: app/1 at even ms, app/2 at odd ms, db/1 once.
        List<InputEvent> a1 = new ArrayList<>();
        List<InputEvent> a2 = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String level = i % 3 == 0 ? "ERROR " : "INFO ";
            (i % 2 == 0 ? a1 : a2).add(new InputEvent(T0.minusSeconds(60).plusMillis(i), level + i));
        }
        store.putEvents("g", "app/1", a1);
        store.putEvents("g", "app/2", a2);
        store.putEvents(
                "g", "db/1", List.of(new InputEvent(T0.minusSeconds(60).plusMillis(2), "{\"level\":\"ERROR\"}")));
    }

    @Test
    void searchesAllStreamsInTimeOrder() {
        FilteredEvents r = store.filterEvents(FilterQuery.of("g", FilterPattern.all()));
        assertThat(messages(r.events()))
                .containsExactly("ERROR 0", "INFO 1", "INFO 2", "{\"level\":\"ERROR\"}", "ERROR 3", "INFO 4", "INFO 5");
        assertThat(r.events())
                .extracting(StoredEvent::streamName)
                .containsExactly("app/1", "app/2", "app/1", "db/1", "app/2", "app/1", "app/2");
        assertThat(r.searchedStreams()).containsExactly("app/1", "app/2", "db/1");
        assertThat(r.nextToken()).isEmpty();
    }

    @Test
    void appliesThePattern() {
        assertThat(messages(store.filterEvents(FilterQuery.of("g", FilterPattern.parse("ERROR")))
                        .events()))
                .containsExactly("ERROR 0", "{\"level\":\"ERROR\"}", "ERROR 3");
        assertThat(messages(store.filterEvents(FilterQuery.of("g", FilterPattern.parse("{ $.level = ERROR }")))
                        .events()))
                .containsExactly("{\"level\":\"ERROR\"}");
    }

    @Test
    void narrowsByStreamNamesOrPrefixAndTime() {
        FilterQuery byNames = new FilterQuery(
                "g",
                List.of("app/2", "db/1", "missing"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                FilterPattern.all(),
                100,
                Optional.empty());
        FilteredEvents r = store.filterEvents(byNames);
        assertThat(messages(r.events())).containsExactly("INFO 1", "{\"level\":\"ERROR\"}", "ERROR 3", "INFO 5");
        assertThat(r.searchedStreams()).containsExactly("app/2", "db/1");

        FilterQuery byPrefix = new FilterQuery(
                "g",
                List.of(),
                Optional.of("app/"),
                Optional.of(T0.minusSeconds(60).plusMillis(1)),
                Optional.of(T0.minusSeconds(60).plusMillis(3)),
                FilterPattern.all(),
                100,
                Optional.empty());
        assertThat(messages(store.filterEvents(byPrefix).events())).containsExactly("INFO 1", "INFO 2", "ERROR 3");

        FilterQuery none = new FilterQuery(
                "g",
                List.of(),
                Optional.of("zzz"),
                Optional.empty(),
                Optional.empty(),
                FilterPattern.all(),
                100,
                Optional.empty());
        assertThat(store.filterEvents(none).events()).isEmpty();
    }

    @Test
    void pagesWithTokens() {
        FilterQuery q = new FilterQuery(
                "g",
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                FilterPattern.parse("?INFO ?ERROR"),
                3,
                Optional.empty());
        List<String> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            FilteredEvents r = store.filterEvents(token.map(q::withToken).orElse(q));
            seen.addAll(messages(r.events()));
            token = r.nextToken();
            pages++;
        } while (token.isPresent() && pages < 10);
        assertThat(seen)
                .containsExactly("ERROR 0", "INFO 1", "INFO 2", "{\"level\":\"ERROR\"}", "ERROR 3", "INFO 4", "INFO 5");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aSearchThatRunsOutOfBudgetReturnsATokenEvenWithoutEvents() {
        EventFilter small = new EventFilter(db, 2, 2, EventFilter.WORK_BUDGET);
        FilterQuery q = FilterQuery.of("g", FilterPattern.parse("{ $.level = ERROR }"));
        FilteredEvents first = small.filter(q);
        assertThat(first.events()).isEmpty();
        assertThat(first.nextToken()).isPresent();
        List<String> seen = new ArrayList<>();
        Optional<String> token = first.nextToken();
        int pages = 1;
        while (token.isPresent() && pages < 10) {
            FilteredEvents r = small.filter(q.withToken(token.get()));
            seen.addAll(messages(r.events()));
            token = r.nextToken();
            pages++;
        }
        assertThat(seen).containsExactly("{\"level\":\"ERROR\"}");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aCostlyRegexPagesByMatchingWorkAndStillFindsEverything() {
        FilterPattern costly = FilterPattern.parse("%[A-Z]{5}\\s\\d{1,3}%");
        long budget = 3L * "ERROR 0".length() * costly.costPerChar(); // the 4th message (17 chars) ends page 1
        EventFilter small = new EventFilter(db, 1_000, 1_000, budget);
        FilterQuery q = FilterQuery.of("g", costly);
        List<String> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            FilteredEvents r = small.filter(token.map(q::withToken).orElse(q));
            seen.addAll(messages(r.events()));
            token = r.nextToken();
            pages++;
        } while (token.isPresent() && pages < 10);
        assertThat(seen).containsExactly("ERROR 0", "ERROR 3");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void errors() {
        assertApiError(
                () -> store.filterEvents(FilterQuery.of("nope", FilterPattern.all())),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        assertApiError(
                () -> store.filterEvents(
                        FilterQuery.of("g", FilterPattern.all()).withToken("f/1/2")),
                ErrorCode.INVALID_PARAMETER,
                "The specified nextToken is invalid.");
        assertApiError(
                () -> new FilterQuery(
                        "g",
                        List.of("a"),
                        Optional.of("b"),
                        Optional.empty(),
                        Optional.empty(),
                        FilterPattern.all(),
                        1,
                        Optional.empty()),
                ErrorCode.INVALID_PARAMETER,
                "logStreamNames and logStreamNamePrefix are mutually exclusive");
    }
}
