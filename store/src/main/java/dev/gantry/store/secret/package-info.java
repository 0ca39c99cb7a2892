/**
 * Secrets Manager's storage (migration V8): {@link dev.gantry.store.secret.SecretStore} keeps secrets, their versions,
 * staging labels and tags; every value is sealed with {@link dev.gantry.store.crypto.Envelope} (context: the secret's
 * ARN and the version id) before it reaches the database, so neither {@code gantry.db} nor its WAL ever holds one in
 * plaintext. {@link dev.gantry.store.secret.SecretValues} is the read seam the control plane uses to resolve a task
 * definition's {@code secrets}.
 */
package dev.gantry.store.secret;
