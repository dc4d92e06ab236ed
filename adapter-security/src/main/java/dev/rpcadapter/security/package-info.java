/**
 * Shared security vocabulary of rpc-adapter: role names and their Spring Security
 * authorities.
 */
@NullMarked
package dev.rpcadapter.security;

import org.jspecify.annotations.NullMarked;
