/**
 * Security for the adapter's endpoints ({@code adapter.security.*}): API tokens, JWTs and
 * client certificates as Spring Security authentication managers, role-based command
 * authorization, CRL checks on the TLS handshake, rate limits and security headers.
 */
@NullMarked
package dev.rpcadapter.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
