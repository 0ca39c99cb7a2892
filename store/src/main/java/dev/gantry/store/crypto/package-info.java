/**
 * Encryption at rest for the values Gantry must keep secret (Secrets Manager secret values, SSM SecureString
 * parameters, IAM secret keys): envelope encryption with AES-256-GCM. Each value gets its own random data key; the
 * data key is stored wrapped by the {@link dev.gantry.store.crypto.MasterKey}, which lives outside the database (a
 * {@code 0600} key file in the data dir, or supplied by the operator). The database file therefore never holds a
 * secret in plaintext, and a stolen database without the key file reveals nothing.
 */
package dev.gantry.store.crypto;
