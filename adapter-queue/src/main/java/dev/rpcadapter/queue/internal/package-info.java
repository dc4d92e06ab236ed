/** Implementation of adapter-queue. Not API: may change in any release. */
@NullMarked
package dev.rpcadapter.queue.internal;

import org.jspecify.annotations.NullMarked;
