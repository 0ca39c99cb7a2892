/**
 * Secrets Manager's domain, pure: a secret's metadata and versions ({@link dev.gantry.core.secret.Secret},
 * {@link dev.gantry.core.secret.SecretVersion}), its value ({@link dev.gantry.core.secret.SecretValue}, whose
 * {@code toString} never shows it), the rules for names, ARNs and their random 6-character suffix
 * ({@link dev.gantry.core.secret.SecretNames}), how staging labels move between versions
 * ({@link dev.gantry.core.secret.VersionStages}), ListSecrets' filters ({@link dev.gantry.core.secret.SecretFilter})
 * and the service's error kinds and messages ({@link dev.gantry.core.secret.SecretErrorKind},
 * {@link dev.gantry.core.secret.SecretMessages}). No clock, no randomness: both are passed in.
 */
package dev.gantry.core.secret;
