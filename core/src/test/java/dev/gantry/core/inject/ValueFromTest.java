package dev.gantry.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.inject.ValueFrom.SecretsManagerSecret;
import dev.gantry.core.inject.ValueFrom.SsmParameter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueFromTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf";

    /** valueFrom | secretId | jsonKey | versionStage | versionId (empty = absent). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                ARN + "                         | " + ARN + " |          |            |",
                ARN + ":password::              | " + ARN + " | password |            |",
                ARN + ":password:AWSPREVIOUS:   | " + ARN + " | password | AWSPREVIOUS |",
                ARN + "::AWSPENDING:            | " + ARN + " |          | AWSPENDING |",
                ARN + ":::                      | " + ARN + " |          |            |",
                ARN + ":::0123-id               | " + ARN + " |          |            | 0123-id",
                ARN + ":user                    | " + ARN + " | user     |            |",
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:db | arn:aws:secretsmanager:us-east-1:000000000000:secret:db | | |",
                "/aws/reference/secretsmanager/prod/db | prod/db |         |            |",
            })
    void secretsManagerForms(String valueFrom, String secretId, String jsonKey, String stage, String versionId) {
        assertThat(ValueFrom.parse(valueFrom))
                .isEqualTo(new SecretsManagerSecret(
                        valueFrom,
                        secretId,
                        Optional.ofNullable(jsonKey),
                        Optional.ofNullable(stage),
                        Optional.ofNullable(versionId)));
    }

    /** valueFrom | parameter name | arn given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/app/db/password                                        | /app/db/password | false",
                "plain                                                   | plain            | false",
                "plain:3                                                 | plain:3          | false",
                "arn:aws:ssm:us-east-1:000000000000:parameter/app/db/pw | /app/db/pw       | true",
                "arn:aws:ssm:us-east-1:000000000000:parameter/plain     | plain            | true",
            })
    void ssmForms(String valueFrom, String name, boolean arn) {
        assertThat(ValueFrom.parse(valueFrom))
                .isEqualTo(new SsmParameter(valueFrom, name, arn ? Optional.of(valueFrom) : Optional.empty()));
    }

    /** valueFrom | phrase of the refusal. */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                                       | 'valueFrom' is required",
                "arn:aws:s3:::bucket/key                                 | is not a Secrets Manager secret ARN",
                "arn:aws:secretsmanager:us-east-1:000000000000:db        | is not a Secrets Manager secret ARN",
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-x:k:s:i:extra | too many fields",
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-x:k:AWSCURRENT:id1 | both a version stage and a version id",
                "arn:aws:ssm:us-east-1:000000000000:document/x           | is not an SSM parameter ARN",
                "arn:aws:ssm:us-east-1:000000000000:parameter/           | is not an SSM parameter ARN",
                "has space                                               | neither an ARN nor a valid SSM parameter name",
                "arn:aws                                                 | is not a Secrets Manager secret ARN",
            })
    void refuses(String valueFrom, String phrase) {
        assertThatThrownBy(() -> ValueFrom.parse(valueFrom))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(phrase);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "registry/creds | registry/creds",
                ARN + "         | " + ARN,
            })
    void credentialsParameterIsASecretArnOrName(String parameter, String secretId) {
        assertThat(ValueFrom.credentialsParameter(parameter).secretId()).isEqualTo(secretId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "arn:aws:ssm:us-east-1:000000000000:parameter/creds",
        ARN + ":username::",
        "'has space'",
    })
    void credentialsParameterRefusesOtherForms(String parameter) {
        assertThatThrownBy(() -> ValueFrom.credentialsParameter(parameter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the ARN or name of a Secrets Manager secret");
    }
}
