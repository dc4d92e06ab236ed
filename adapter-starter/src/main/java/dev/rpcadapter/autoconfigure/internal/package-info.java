/** Implementation of the starter. Not API: may change in any release. */
@NullMarked
package dev.rpcadapter.autoconfigure.internal;

import org.jspecify.annotations.NullMarked;
