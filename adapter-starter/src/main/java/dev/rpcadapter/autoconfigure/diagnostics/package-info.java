/** Failure analyzers: startup failures explained with what is wrong and how to fix it. */
@NullMarked
package dev.rpcadapter.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
