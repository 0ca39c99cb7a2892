/**
 * The IAM policy language and its evaluation, pure (no I/O, no clock): {@link
 * dev.gantry.core.iam.policy.PolicyDocument#parse} reads a policy document (Version, Statement, Sid, Effect,
 * Action/NotAction, Resource/NotResource, Principal/NotPrincipal, Condition) and refuses what IAM refuses with
 * IAM's {@code MalformedPolicyDocument} messages; {@link dev.gantry.core.iam.policy.PolicyEvaluator} decides one
 * {@link dev.gantry.core.iam.policy.AccessRequest} as AWS's policy evaluation logic does (explicit Deny wins, an
 * Allow is required, otherwise implicit deny), with IAM's wildcards ({@code Glob}), policy variables
 * ({@code Variables}) and condition operators ({@code ConditionEvaluator}, {@code ConditionTests}).
 *
 * <p>JSON is read with Jackson databind's tree model only; no records here are bound or annotated (ADR 6).
 * Authentication, which policies apply to a caller, and the request's condition keys are the API layer's business.
 */
package dev.gantry.core.iam.policy;
