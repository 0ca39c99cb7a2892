package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithoutTrailingSpaces() {
        String out = Table.of("TASK", "STATUS", "IP")
                .row("0123456789ab", "RUNNING", "172.18.0.5")
                .row("fedc", "PENDING", "-")
                .render();
        assertThat(out).isEqualTo("""
                TASK           STATUS    IP
                0123456789ab   RUNNING   172.18.0.5
                fedc           PENDING   -
                """);
    }

    @Test
    void headerAloneWhenThereAreNoRows() {
        Table t = Table.of("A", "B");
        assertThat(t.isEmpty()).isTrue();
        assertThat(t.render()).isEqualTo("A   B\n");
    }

    @Test
    void widthCountsCharactersNotBytes() {
        String out = Table.of("N", "X").row("é—", "1").row("ab", "2").render();
        assertThat(out).isEqualTo("N    X\né—   1\nab   2\n");
    }

    @Test
    void isImmutable() {
        Table empty = Table.of("A");
        Table one = empty.row("x");
        assertThat(empty.rows()).isEmpty();
        assertThat(one.rows()).hasSize(1);
    }

    @Test
    void rowsMustHaveOneCellPerColumn() {
        assertThatThrownBy(() -> Table.of("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
