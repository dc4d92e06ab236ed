/** JSON-RPC 2.0 wire model: requests, responses, ids, error objects and the codec. */
@NullMarked
package dev.rpcadapter.jsonrpc;

import org.jspecify.annotations.NullMarked;
