/**
 * SSM Parameter Store in SQLite (migration V7): {@link dev.gantry.store.ssm.ParameterStore} keeps parameters, every
 * version with its labels, and tags, applying core's {@link dev.gantry.core.ssm.PutRules} inside the transaction
 * that writes. SecureString values are sealed with {@link dev.gantry.store.crypto.Envelope} (context: the parameter's
 * ARN and version) before they reach the database, and opened only when a caller asks for decryption.
 * {@link dev.gantry.store.ssm.ParameterValues} is the read seam for the control plane (task-definition secrets).
 */
package dev.gantry.store.ssm;
