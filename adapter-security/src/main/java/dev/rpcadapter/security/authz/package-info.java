/**
 * Authorization: which roles may call which commands (exact names, {@code *} and prefix
 * wildcards such as {@code queue_*}), deny by default.
 */
@NullMarked
package dev.rpcadapter.security.authz;

import org.jspecify.annotations.NullMarked;
