/** Tests of the adapter's observations with Boot's tracing on a running server. */
@NullMarked
package dev.rpcadapter.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
