/**
 * JSON Web Tokens: decoders for HMAC secrets, issuer and JWK set URIs with issuer and
 * expiry validation, and conversion of a roles claim into authorities.
 */
@NullMarked
package dev.rpcadapter.security.jwt;

import org.jspecify.annotations.NullMarked;
