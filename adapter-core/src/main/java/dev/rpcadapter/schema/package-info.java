/** JSON Schema generation for command parameters and results. */
@NullMarked
package dev.rpcadapter.schema;

import org.jspecify.annotations.NullMarked;
