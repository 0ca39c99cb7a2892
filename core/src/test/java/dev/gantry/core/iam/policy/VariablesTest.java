package dev.gantry.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariablesTest {
    private static final ConditionContext CONTEXT = Policies.context(
            "aws:username=alice;aws:userid=AIDAEXAMPLE;aws:PrincipalTag/team=blue;aws:SourceIp=10.0.0.1;"
                    + "aws:TagKeys=a,b;odd=st*r");

    private static Variables variables() {
        return Variables.of(Policies.policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"), CONTEXT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "UNRESOLVED", textBlock = """
            arn:aws:iam::1:user/${aws:username}        | arn:aws:iam::1:user/alice
            ${aws:userid}                              | AIDAEXAMPLE
            ${AWS:USERNAME}                            | alice
            team-${aws:PrincipalTag/team}              | team-blue
            ${aws:principaltag/TEAM}                   | blue
            ${ aws:username }                          | alice
            ${aws:SourceIp}/32                         | 10.0.0.1/32
            a${*}b${?}c${$}d                           | a*b?c$d
            ${aws:PrincipalTag/dept, 'none'}           | none
            ${aws:username, 'none'}                    | alice
            ${aws:PrincipalTag/dept, 'it''s'}          | it's
            ${aws:PrincipalTag/dept}                   | UNRESOLVED
            ${aws:TagKeys}                             | UNRESOLVED
            ${aws:username                             | UNRESOLVED
            ${}                                        | UNRESOLVED
            ${aws:PrincipalTag/dept, none}             | UNRESOLVED
            plain                                      | plain
            $plain{}                                   | $plain{}
            """)
    void expands(String raw, String expected) {
        assertThat(variables().expandText(raw).orElse(null)).isEqualTo(expected);
    }

    @Test
    void substitutedValuesAreLiteral() {
        GlobPattern pattern = variables().expand("x/${odd}/${*}").orElseThrow();
        assertThat(Glob.matches(pattern, "x/st*r/*", Glob.Mode.STRING)).isTrue();
        assertThat(Glob.matches(pattern, "x/stXr/*", Glob.Mode.STRING)).isFalse();
        assertThat(Glob.matches(pattern, "x/st*r/y", Glob.Mode.STRING)).isFalse();
    }

    @Test
    void version2008TreatsVariablesAsText() {
        PolicyDocument old = PolicyDocument.parse(
                "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        assertThat(Variables.of(old, CONTEXT).expandText("${aws:username}")).contains("${aws:username}");
        PolicyDocument unversioned =
                PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        assertThat(unversioned.version()).isEqualTo(PolicyDocument.VERSION_2008);
        assertThat(Variables.of(unversioned, CONTEXT).expandText("${aws:username}"))
                .contains("${aws:username}");
    }

    /** In Resource/NotResource only the resource part (after the fifth colon) takes variables. */
    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:s3:::home/${aws:username}/*          | arn:aws:s3:::home/alice/x          | true
            arn:aws:ecs:${aws:PrincipalTag/r}:1:cluster/x | arn:aws:ecs:eu:1:cluster/x        | false
            arn:aws:ecs:${aws:PrincipalTag/r}:1:cluster/x | arn:aws:ecs:${aws:PrincipalTag/r}:1:cluster/x | true
            """)
    void resourcesTakeVariablesInTheResourcePartOnly(String pattern, String resource, boolean expected) {
        ConditionContext context = Policies.context("aws:username=alice;aws:PrincipalTag/r=eu");
        PolicyDocument policy =
                Policies.policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"" + pattern + "\"}");
        AccessRequest request = new AccessRequest(Policies.ALICE, "s3:GetObject", resource, context);
        assertThat(PolicyEvaluator.evaluate(java.util.List.of(policy), request).allowed())
                .isEqualTo(expected);
    }
}
