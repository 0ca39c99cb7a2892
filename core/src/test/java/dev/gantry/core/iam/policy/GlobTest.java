package dev.gantry.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1} ({2}) -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            *                          | ecs:RunTask                                      | ACTION   | true
            ecs:*                      | ecs:RunTask                                      | ACTION   | true
            ECS:run*                   | ecs:RunTask                                      | ACTION   | true
            ecs:Describe*              | ecs:RunTask                                      | ACTION   | false
            ecs:Describe*              | ecs:DescribeTasks                                | ACTION   | true
            ecs:Describe?asks          | ecs:DescribeTasks                                | ACTION   | true
            ecs:Describe?              | ecs:DescribeTasks                                | ACTION   | false
            iam:*                      | ecs:RunTask                                      | ACTION   | false
            ecs:RunTask                | ecs:RunTaskX                                     | ACTION   | false
            *                          | arn:aws:ecs:us-east-1:123456789012:task/c/abc    | RESOURCE | true
            arn:aws:ecs:*              | arn:aws:ecs:us-east-1:123456789012:task/c/abc    | RESOURCE | true
            arn:aws:ecs:*:*:task/*     | arn:aws:ecs:us-east-1:123456789012:task/c/abc    | RESOURCE | true
            arn:aws:ecs:*:*:cluster/*  | arn:aws:ecs:us-east-1:123456789012:task/c/abc    | RESOURCE | false
            arn:aws:s3:::bucket/*      | arn:aws:s3:::bucket/a/b/c.txt                    | RESOURCE | true
            arn:aws:s3:::bucket/*      | arn:aws:s3:::bucket                              | RESOURCE | false
            arn:aws:iam::*:user/Bob    | arn:aws:iam::123456789012:user/bob               | RESOURCE | false
            arn:aws:iam::*:user/Bob    | arn:aws:iam::123456789012:user/Bob               | RESOURCE | true
            arn:aws:ecs:us-*-1:*:*     | arn:aws:ecs:us-east-1:123456789012:cluster/x     | RESOURCE | true
            arn:aws:ecs:us-east-?:*:*  | arn:aws:ecs:us-east-1:123456789012:cluster/x     | RESOURCE | true
            arn:aws:logs:*:*:log-group:/app/*x | arn:aws:logs:r:1:log-group:/app/a:log-stream:x | RESOURCE | false
            arn:aws:logs:*:*:log-group:/app/*  | arn:aws:logs:r:1:log-group:/app/a:log-stream:x | RESOURCE | true
            arn:aws:ecs:*east*:1:c     | arn:aws:ecs:us-east-1:1:c                        | RESOURCE | true
            arn:aws:ecs:u*1:1:c        | arn:aws:ecs:us-east-1:1:c                        | RESOURCE | true
            a*b:c                      | a:x:b:c                                          | RESOURCE | false
            a*b:c                      | a:x:b:c                                          | STRING   | true
            a?c                        | abc                                              | STRING   | true
            a?c                        | ac                                               | STRING   | false
            a*                         | A                                                | STRING   | false
            **                         | ''                                               | STRING   | true
            ''                         | ''                                               | STRING   | true
            ''                         | x                                                | STRING   | false
            home/*/docs                | home/alice/docs                                  | STRING   | true
            abc                        | abc                                              | STRING   | true
            abc                        | ABC                                              | STRING   | false
            ecs:RunTask                | ECS:runtask                                      | ACTION   | true
            arn:aws:s3:::b             | arn:aws:s3:::b                                   | RESOURCE | true
            """)
    void matches(String pattern, String text, Glob.Mode mode, boolean expected) {
        assertThat(Glob.matches(GlobPattern.of(pattern), text, mode)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void literalCharactersFromVariablesAreNoWildcards() {
        GlobPattern pattern = new GlobPattern.Builder()
                .pattern("home/")
                .literal("a*")
                .pattern("/*")
                .build();
        assertThat(Glob.matches(pattern, "home/a*/x", Glob.Mode.STRING)).isTrue();
        assertThat(Glob.matches(pattern, "home/abc/x", Glob.Mode.STRING)).isFalse();
    }
}
