/** API documents generated from the registry: OpenAPI 3.1 and OpenRPC 1.3. */
@NullMarked
package dev.rpcadapter.discovery;

import org.jspecify.annotations.NullMarked;
