package dev.gantry.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.id.IdSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentMathTest {

    @ParameterizedTest(name = "desired {0}, min {1}% -> at least {2} healthy")
    @CsvSource({"4,100,4", "4,50,2", "3,50,2", "1,50,1", "5,10,1", "0,100,0", "10,0,0", "7,33,3"})
    void lowerBoundRoundsUp(int desired, int percent, int expected) {
        assertThat(DeploymentMath.lowerBound(desired, percent)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "desired {0}, max {1}% -> at most {2} tasks")
    @CsvSource({"4,200,8", "3,150,4", "1,150,1", "5,125,6", "4,100,4", "0,200,0", "7,133,9"})
    void upperBoundRoundsDown(int desired, int percent, int expected) {
        assertThat(DeploymentMath.upperBound(desired, percent)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "desired {0} -> threshold {1}")
    @CsvSource({"1,3", "2,3", "6,3", "7,4", "25,13", "400,200", "1000,200"})
    void circuitBreakerThresholdIsHalfClampedTo3And200(int desired, int expected) {
        assertThat(DeploymentMath.circuitBreakerThreshold(desired)).isEqualTo(expected);
    }

    @Test
    void launchesBackOffAfterThreeFailuresDoublingToFiveMinutes() {
        assertThat(DeploymentMath.launchBackoff(2)).isZero();
        assertThat(DeploymentMath.launchBackoff(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DeploymentMath.launchBackoff(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DeploymentMath.launchBackoff(100)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void deploymentIdsAreEcsSvcAnd19Digits() {
        IdSource ids = IdSource.random();
        for (int i = 0; i < 50; i++) {
            assertThat(DeploymentMath.deploymentId(ids)).matches("ecs-svc/\\d{19}");
        }
    }
}
