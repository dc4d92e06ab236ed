/**
 * Opaque API tokens ({@code X-API-Key} or {@code Authorization: Bearer}) mapped to roles,
 * with constant-time comparison and a Spring Security
 * {@code ReactiveAuthenticationManager}.
 */
@NullMarked
package dev.rpcadapter.security.token;

import org.jspecify.annotations.NullMarked;
