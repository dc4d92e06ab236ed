/** Implementation of the transfers. Not API: may change in any release. */
@NullMarked
package dev.rpcadapter.transfer.internal;

import org.jspecify.annotations.NullMarked;
