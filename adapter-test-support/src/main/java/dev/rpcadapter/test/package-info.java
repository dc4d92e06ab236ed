/**
 * Helpers shared by the project's own tests (test scope only, not published): a
 * throw-away PKI, an MCP test client and the PostgreSQL the tests use.
 */
@NullMarked
package dev.rpcadapter.test;

import org.jspecify.annotations.NullMarked;
