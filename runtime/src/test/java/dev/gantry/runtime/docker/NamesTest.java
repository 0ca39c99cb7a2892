package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void namesDeriveFromTheTask() {
        assertThat(Names.sandbox("abc123")).isEqualTo("gantry-abc123-sandbox");
        assertThat(Names.container("abc123", "web")).isEqualTo("gantry-abc123-web");
        assertThat(Names.poolSandbox("inst1", "ff00")).isEqualTo("gantry-inst1-pool-ff00");
    }

    @Test
    void sandboxNamesParseBack() {
        assertThat(Names.taskIdOfSandbox("/gantry-abc123-sandbox")).contains("abc123");
        assertThat(Names.taskIdOfSandbox("gantry-a-b-sandbox")).contains("a-b");
        assertThat(Names.taskIdOfSandbox("/gantry-inst1-pool-ff00")).isEmpty();
        assertThat(Names.taskIdOfSandbox("/gantry--sandbox")).isEmpty();
        assertThat(Names.taskIdOfSandbox("/other")).isEmpty();
    }

    @Test
    void poolSandboxesBelongToOneInstallation() {
        assertThat(Names.isPoolSandbox("inst1", "/gantry-inst1-pool-ff00")).isTrue();
        assertThat(Names.isPoolSandbox("inst2", "/gantry-inst1-pool-ff00")).isFalse();
        assertThat(Names.isPoolSandbox("inst1", "/gantry-abc-sandbox")).isFalse();
    }
}
