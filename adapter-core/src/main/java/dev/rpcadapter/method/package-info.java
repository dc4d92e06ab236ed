/**
 * Commands from annotated bean methods:
 * {@link dev.rpcadapter.method.AnnotatedCommandFactory} finds {@code @JsonRpcCommand}
 * methods, derives their schemas and binds JSON params, the caller, the job context,
 * transfers and the MCP exchange to method arguments.
 */
@NullMarked
package dev.rpcadapter.method;

import org.jspecify.annotations.NullMarked;
