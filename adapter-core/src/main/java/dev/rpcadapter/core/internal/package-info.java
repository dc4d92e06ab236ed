/** Implementation of adapter-core. Not API: may change in any release. */
@NullMarked
package dev.rpcadapter.core.internal;

import org.jspecify.annotations.NullMarked;
