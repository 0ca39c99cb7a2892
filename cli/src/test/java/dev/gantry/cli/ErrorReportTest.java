package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;

class ErrorReportTest {
    private static final String ENDPOINT = "http://127.0.0.1:4499";

    @Test
    void serviceErrorsShowCodeAndMessage() {
        var e = ClientException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ClientException")
                        .errorMessage("Unable to describe task definition.")
                        .build())
                .build();
        assertThat(ErrorReport.of(e, ENDPOINT, Optional.of("AWS_ACCESS_KEY_ID")))
                .isEqualTo(new ErrorReport(1, "error: ClientException: Unable to describe task definition."));
    }

    @Test
    void elbv2ErrorsShowTheirQueryErrorCode() {
        var e = LoadBalancerNotFoundException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("LoadBalancerNotFound")
                        .errorMessage("One or more load balancers not found")
                        .build())
                .build();
        assertThat(ErrorReport.of(e, ENDPOINT, Optional.empty()))
                .isEqualTo(new ErrorReport(1, "error: LoadBalancerNotFound: One or more load balancers not found"));
    }

    @Test
    void authenticationErrorsNameTheCredentialSource() {
        var e = ClientException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("UnrecognizedClientException")
                        .errorMessage("The security token is invalid.")
                        .build())
                .build();
        assertThat(ErrorReport.of(e, ENDPOINT, Optional.of("AWS_ACCESS_KEY_ID")).message())
                .startsWith("error: UnrecognizedClientException: The security token is invalid.")
                .contains("signed with the key from AWS_ACCESS_KEY_ID");
    }

    @Test
    void connectionRefusedSaysHowToStartGantry() {
        var e = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection refused")
                .cause(new ConnectException("Connection refused"))
                .build();
        assertThat(ErrorReport.of(e, ENDPOINT, Optional.empty()))
                .isEqualTo(new ErrorReport(
                        2,
                        "cannot reach Gantry at http://127.0.0.1:4499: is it running? Start it with ./gantry server"
                                + " (or ./gantry up)"));
    }

    @Test
    void cliExceptionsKeepTheirExitCode() {
        assertThat(ErrorReport.of(new CliException(2, "no credentials"), ENDPOINT, Optional.empty()))
                .isEqualTo(new ErrorReport(2, "error: no credentials"));
    }
}
