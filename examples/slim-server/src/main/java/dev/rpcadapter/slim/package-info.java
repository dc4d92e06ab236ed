/** An application with the slim setup of the starter. */
@NullMarked
package dev.rpcadapter.slim;

import org.jspecify.annotations.NullMarked;
