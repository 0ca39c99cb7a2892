package dev.gantry.control.reconcile;

/**
 * One control loop's logic for one key (a service, a target group, an alarm…): read desired and observed state,
 * make one step towards desired, say what comes next. Called by a {@link Controller}, never for the same key on two
 * threads at once. Must be idempotent: a key may be reconciled again with nothing changed (resync, a repeated
 * event). May throw: that counts as {@link Result.Failed}.
 *
 * @param <K> the key type: an immutable value with equals/hashCode (a record, a String id)
 */
@FunctionalInterface
public interface Reconciler<K> {
    Result reconcile(K key);
}
