/**
 * Health of the adapter's components, as shown on {@code /health} and by the
 * {@code health} command.
 */
@NullMarked
package dev.rpcadapter.health;

import org.jspecify.annotations.NullMarked;
