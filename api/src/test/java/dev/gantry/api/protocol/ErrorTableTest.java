package dev.gantry.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.error.ErrorKind;
import org.junit.jupiter.api.Test;

class ErrorTableTest {

    enum Own implements ErrorKind {
        EXPIRED;

        @Override
        public String wireName() {
            return "ExpiredTokenException";
        }
    }

    @Test
    void aServiceDefinitionWinsOverTheProtocolsAndUnknownKindsAre400SenderUnderTheirName() {
        ErrorTable sts = ErrorTable.builder()
                .define(ErrorCode.INVALID_PARAMETER, "ValidationError", 400)
                .build();
        assertThat(sts.resolve(ErrorCode.INVALID_PARAMETER, ProtocolErrors.QUERY))
                .isEqualTo(ErrorDefinition.sender("ValidationError"));
        assertThat(sts.resolve(ErrorCode.INVALID_SIGNATURE, ProtocolErrors.QUERY))
                .isEqualTo(ErrorDefinition.sender("SignatureDoesNotMatch", 403));
        assertThat(sts.resolve(Own.EXPIRED, ProtocolErrors.QUERY))
                .isEqualTo(ErrorDefinition.sender("ExpiredTokenException"));
    }

    @Test
    void eachProtocolNamesTheSameKindItsOwnWay() {
        assertThat(ErrorTable.EMPTY.resolve(ErrorCode.UNRECOGNIZED_CLIENT, ProtocolErrors.JSON))
                .isEqualTo(ErrorDefinition.sender("UnrecognizedClientException", 403));
        assertThat(ErrorTable.EMPTY.resolve(ErrorCode.UNRECOGNIZED_CLIENT, ProtocolErrors.QUERY))
                .isEqualTo(ErrorDefinition.sender("InvalidClientTokenId", 403));
        assertThat(ErrorTable.EMPTY.resolve(ErrorCode.UNRECOGNIZED_CLIENT, ProtocolErrors.EC2))
                .isEqualTo(ErrorDefinition.sender("AuthFailure", 401));
        assertThat(ErrorTable.EMPTY.resolve(ErrorCode.INTERNAL_FAILURE, ProtocolErrors.EC2))
                .isEqualTo(ErrorDefinition.receiver("InternalError", 500));
    }

    @Test
    void definitionsAreConsistent() {
        assertThatThrownBy(() -> new ErrorDefinition("X", 500, Fault.SENDER)).hasMessageContaining("sender faults");
        assertThatThrownBy(() -> new ErrorDefinition("X", 200, Fault.SENDER)).hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(
                        () -> ErrorTable.builder().define(ErrorCode.CLIENT, 400).define(ErrorCode.CLIENT, 400))
                .hasMessageContaining("defined twice");
    }
}
