package dev.gantry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void tokensRoundTripAndForeignOrNegativeOnesAreRefused() {
        assertThat(Page.offset(Page.token(40))).contains(40L);
        assertThat(Page.offset("not-a-token")).isEmpty();
        String negative =
                Base64.getUrlEncoder().withoutPadding().encodeToString("o:-5".getBytes(StandardCharsets.UTF_8));
        assertThat(Page.offset(negative)).isEmpty();
    }

    @Test
    void aFullPageCarriesTheNextOffset() {
        Page<Integer> page = Page.of(List.of(1, 2, 3), 10, 2);
        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.nextToken().flatMap(Page::offset)).contains(12L);
        assertThat(Page.of(List.of(1, 2), 10, 2).nextToken()).isEmpty();
    }
}
