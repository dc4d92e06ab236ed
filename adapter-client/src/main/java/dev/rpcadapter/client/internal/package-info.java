/**
 * Implementation of the rpc-adapter client. <strong>Not API</strong>: types here may change
 * in any release without notice; use {@link dev.rpcadapter.client} instead.
 */
@NullMarked
package dev.rpcadapter.client.internal;

import org.jspecify.annotations.NullMarked;
