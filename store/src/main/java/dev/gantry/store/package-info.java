/**
 * What every store shares: paging ({@link dev.gantry.store.Page}), how records are kept in JSON columns
 * ({@link dev.gantry.store.StoreJson}) and the database failure ({@link dev.gantry.store.StoreException}).
 */
package dev.gantry.store;
