package dev.gantry.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3ObjectTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "arn:aws:s3:::my-bucket/app.env, my-bucket, app.env",
        "arn:aws:s3:::my.bucket/dir/sub/app.env, my.bucket, dir/sub/app.env",
    })
    void parsesBucketAndKey(String arn, String bucket, String key) {
        assertThat(S3Object.parse(arn)).isEqualTo(new S3Object(bucket, key));
        assertThat(S3Object.parse(arn).arn()).isEqualTo(arn);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "my-bucket/app.env                  | is not an S3 object ARN",
                "arn:aws:s3:::my-bucket             | is not an S3 object ARN",
                "arn:aws:s3:::my-bucket/            | invalid object key",
                "arn:aws:s3:::Upper/app.env         | invalid bucket name",
                "arn:aws:s3:::bk1/../../etc/passwd   | '.' or '..' segments",
                "arn:aws:s3:::bk1//abs.env           | invalid object key",
            })
    void refuses(String arn, String phrase) {
        assertThatThrownBy(() -> S3Object.parse(arn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(phrase);
    }
}
