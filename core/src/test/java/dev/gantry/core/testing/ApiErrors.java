package dev.gantry.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with one {@link ErrorCode} and a message containing a phrase. */
public final class ApiErrors {
    private ApiErrors() {}

    public static void assertFails(ThrowingCallable call, ErrorCode code, String phrase) {
        assertThatThrownBy(call)
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(phrase)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ApiException) e).code())
                        .as("error code for: %s", e.getMessage())
                        .isEqualTo(code));
    }
}
