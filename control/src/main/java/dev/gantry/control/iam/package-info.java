/**
 * IAM and STS below the wire: who may do what, and the credentials roles hand out.
 *
 * <ul>
 *   <li>{@link dev.gantry.control.iam.IamOperations}: users, access keys, roles, inline and customer-managed
 *       policies, attachments, with IAM's names, limits and errors ({@link dev.gantry.control.iam.IamError}).</li>
 *   <li>{@link dev.gantry.control.iam.Authorization}: the one decision service — a principal ARN (the account root,
 *       a user, a role, an assumed-role session), an action, a resource and condition keys → allowed or AWS's
 *       AccessDenied message. The API enforces it on every call; the control plane asks it too (may a task's
 *       execution role read a secret).</li>
 *   <li>{@link dev.gantry.control.iam.RoleSessions}: STS sessions for a role (AssumeRole, and the task-role
 *       credentials the credentials endpoint serves), checked against the trust policy when a caller assumes.</li>
 *   <li>{@link dev.gantry.control.iam.KeyLookup}: the keys that can sign a request — admin, active user keys,
 *       sessions with their token and expiry.</li>
 * </ul>
 * Policy evaluation itself is core's ({@code core/iam/policy}), reached through {@link
 * dev.gantry.control.iam.PolicyEngine}.
 */
package dev.gantry.control.iam;
