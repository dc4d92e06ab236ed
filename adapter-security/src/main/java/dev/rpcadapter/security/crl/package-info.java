/**
 * Certificate revocation: loading CRLs (PEM or DER), checking certificates against them
 * after verifying each CRL's signature, a revocation-checking trust manager for mTLS
 * handshakes, and startup checks.
 */
@NullMarked
package dev.rpcadapter.security.crl;

import org.jspecify.annotations.NullMarked;
