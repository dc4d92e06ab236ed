/**
 * Client certificates as credentials:
 * {@link dev.rpcadapter.security.cert.CertificateIdentity} reads the caller's roles from
 * a certificate (OID {@link dev.rpcadapter.security.cert.AdapterOids#ROLES}),
 * {@link dev.rpcadapter.security.cert.CertificateAuthenticationManager} turns it into an
 * authentication, {@link dev.rpcadapter.security.cert.TrustAnchors} builds trust
 * managers. Issuing certificates (the CA and its command line) is the separate
 * {@code adapter-ca} artifact.
 */
@NullMarked
package dev.rpcadapter.security.cert;

import org.jspecify.annotations.NullMarked;
