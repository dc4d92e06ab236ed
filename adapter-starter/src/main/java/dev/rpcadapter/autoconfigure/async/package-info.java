/**
 * Auto-configuration of {@code POST /api/async}: calls whose responses are delivered to
 * {@code /ws} subscribers of a {@code deliver_id}, with memory and JDBC stores.
 */
@NullMarked
package dev.rpcadapter.autoconfigure.async;

import org.jspecify.annotations.NullMarked;
