/**
 * SSM Parameter Store's rules, pure: parameter names and hierarchies ({@link dev.gantry.core.ssm.ParameterNames}),
 * references with their {@code name:version} / {@code name:label} selectors and ARNs
 * ({@link dev.gantry.core.ssm.ParameterRef}), labels ({@link dev.gantry.core.ssm.ParameterLabels}), what a
 * PutParameter makes of the latest version ({@link dev.gantry.core.ssm.PutRules}), the DescribeParameters /
 * GetParametersByPath filters ({@link dev.gantry.core.ssm.ParameterFilters}) and the error kinds and messages, worded
 * as SSM words them ({@link dev.gantry.core.ssm.SsmError}, {@link dev.gantry.core.ssm.SsmMessages}). A SecureString's
 * value appears here only as opaque sealed bytes ({@link dev.gantry.core.ssm.ParameterValue.Sealed}); no message
 * ever contains a parameter's value.
 */
package dev.gantry.core.ssm;
